import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function summarizeIncident(log: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1000,
        temperature: 0.2,
        system: "Summarize the incident and its likely root cause.",
        messages: [{ role: "user", content: log }],
      }),
    }),
  );
  const body = JSON.parse(new TextDecoder().decode(response.body));
  return body.content[0].text;
}
