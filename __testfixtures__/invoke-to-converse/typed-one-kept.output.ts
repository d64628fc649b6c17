import {
  BedrockRuntimeClient,
  InvokeModelCommand,
  ConverseCommand,
  type InvokeModelCommandInput,
  type ConverseCommandInput,
  type InvokeModelCommandOutput,
  type ConverseCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function summary(text: string): Promise<string> {
  const input: ConverseCommandInput = {
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    messages: [{ role: "user", content: [{ text: `Summarize: ${text}` }] }],
    inferenceConfig: { maxTokens: 120 },
  };
  const output: ConverseCommandOutput = await client.send(new ConverseCommand(input));
  return output.output!.message!.content![0].text!;
}

// Forwards whatever body the caller built: stays on InvokeModel.
export async function passThrough(input: InvokeModelCommandInput): Promise<InvokeModelCommandOutput> {
  // TODO(bedrock-claude-codemod): InvokeModel call kept: the command input cannot be resolved to an object literal
  return client.send(new InvokeModelCommand(input));
}
