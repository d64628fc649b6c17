import {
  BedrockRuntimeClient,
  InvokeModelCommand,
  type InvokeModelCommandInput,
  type InvokeModelCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function generateSql(question: string, schema: string): Promise<string> {
  const body = JSON.stringify({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 400,
    temperature: 0,
    system: `Write one PostgreSQL query for this schema:\n${schema}`,
    messages: [{ role: "user", content: question }],
  });
  const input: InvokeModelCommandInput = {
    modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
    contentType: "application/json",
    accept: "application/json",
    body,
  };
  const output: InvokeModelCommandOutput = await client.send(new InvokeModelCommand(input));
  const text = new TextDecoder().decode(output.body);
  const parsed = JSON.parse(text);
  return parsed.content[0].text;
}
