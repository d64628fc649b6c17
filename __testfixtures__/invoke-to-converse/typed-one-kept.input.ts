import {
  BedrockRuntimeClient,
  InvokeModelCommand,
  type InvokeModelCommandInput,
  type InvokeModelCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function summary(text: string): Promise<string> {
  const input: InvokeModelCommandInput = {
    modelId: "anthropic.claude-3-haiku-20240307-v1:0",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 120,
      messages: [{ role: "user", content: `Summarize: ${text}` }],
    }),
  };
  const output: InvokeModelCommandOutput = await client.send(new InvokeModelCommand(input));
  return JSON.parse(new TextDecoder().decode(output.body)).content[0].text;
}

// Forwards whatever body the caller built: stays on InvokeModel.
export async function passThrough(input: InvokeModelCommandInput): Promise<InvokeModelCommandOutput> {
  return client.send(new InvokeModelCommand(input));
}
