import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

function buildRequest(prompt: string, maxTokens: number) {
  return {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: maxTokens,
    system: "Answer in one short paragraph.",
    messages: [{ role: "user", content: prompt }],
  };
}

export async function explain(concept: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      contentType: "application/json",
      body: JSON.stringify(buildRequest(`Explain ${concept}`, 300)),
    }),
  );
  const data = JSON.parse(new TextDecoder().decode(response.body));
  return data.content[0].text;
}
