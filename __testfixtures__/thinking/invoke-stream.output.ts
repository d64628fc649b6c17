import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function* answerStream(question: string): AsyncGenerator<string> {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: "global.anthropic.claude-sonnet-4-6",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 4000,
        messages: [{ role: "user", content: question }],
        thinking: { type: "adaptive" },
      }),
    }),
  );
  for await (const item of response.body ?? []) {
    if (!item.chunk?.bytes) continue;
    const chunk = JSON.parse(new TextDecoder().decode(item.chunk.bytes));
    if (chunk.type === "content_block_delta" && chunk.delta.type === "text_delta") {
      yield chunk.delta.text;
    }
  }
}
