import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function streamReply(question, onText) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 800,
        messages: [{ role: "user", content: question }],
      }),
    })
  );

  let text = "";
  let stopReason;
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (chunk.type === "content_block_delta" && chunk.delta.type === "text_delta") {
      text += chunk.delta.text;
      onText(chunk.delta.text);
    } else if (chunk.type === "message_delta") {
      stopReason = chunk.delta.stop_reason;
    }
  }
  return { text, stopReason };
}
