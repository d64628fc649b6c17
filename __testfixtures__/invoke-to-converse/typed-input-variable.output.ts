import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandInput,
  type ConverseCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function generateSql(question: string, schema: string): Promise<string> {
  const input: ConverseCommandInput = {
    modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
    messages: [{ role: "user", content: [{ text: question }] }],
    system: [{ text: `Write one PostgreSQL query for this schema:\n${schema}` }],
    inferenceConfig: { maxTokens: 400, temperature: 0 },
  };
  const output: ConverseCommandOutput = await client.send(new ConverseCommand(input));
  return output.output!.message!.content![0].text!;
}
