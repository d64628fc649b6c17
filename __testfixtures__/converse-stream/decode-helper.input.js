const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const utf8 = new TextDecoder("utf-8");

/** Turns one stream item into the Anthropic event it carries. */
function decodeEvent(item) {
  return JSON.parse(utf8.decode(item.chunk.bytes));
}

/**
 * Chat turn for a support bot: streams the reply into `reply.write`, returns what the UI shows after it.
 */
async function replyTo(customerMessage, reply) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 300,
        system: [{ type: "text", text: "You are a polite support agent." }],
        messages: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "Hello! How can I help?" },
          { role: "user", content: customerMessage },
        ],
      }),
    }),
  );

  let outputTokens = 0;
  let stopReason = null;
  for await (const item of response.body) {
    const event = decodeEvent(item);
    if (event.type === "content_block_delta" && event.delta.type === "text_delta") {
      reply.write(event.delta.text);
    } else if (event.type === "message_delta") {
      stopReason = event.delta.stop_reason;
      outputTokens = event.usage.output_tokens;
    }
  }
  return { stopReason, outputTokens };
}

module.exports = { replyTo };
