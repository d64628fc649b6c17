import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// A thin proxy: the caller builds the Anthropic body.
export async function invokeClaude(modelId: string, body: Record<string, unknown>) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId,
      contentType: "application/json",
      body: JSON.stringify(body),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).content[0].text as string;
}
