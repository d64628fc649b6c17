import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? "us-east-1" });
const EMBEDDING_MODEL = process.env.EMBEDDING_MODEL_ID ?? "amazon.titan-embed-text-v2:0";

export async function embedDocument(text: string): Promise<number[]> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: EMBEDDING_MODEL,
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({ inputText: text, dimensions: 1024, normalize: true }),
    }),
  );
  const payload = JSON.parse(new TextDecoder().decode(response.body));
  return payload.embedding;
}
