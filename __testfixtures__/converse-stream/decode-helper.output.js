const { BedrockRuntimeClient, ConverseStreamCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

/**
 * Chat turn for a support bot: streams the reply into `reply.write`, returns what the UI shows after it.
 */
async function replyTo(customerMessage, reply) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
      messages: [
        { role: "user", content: [{ text: "Hi" }] },
        { role: "assistant", content: [{ text: "Hello! How can I help?" }] },
        { role: "user", content: [{ text: customerMessage }] },
      ],
      system: [{ text: "You are a polite support agent." }],
      inferenceConfig: { maxTokens: 300 },
    }),
  );

  let outputTokens = 0;
  let stopReason = null;
  for await (const item of response.stream) {
    if (item.contentBlockDelta?.delta?.text !== undefined) {
      reply.write(item.contentBlockDelta.delta.text);
    } else if (item.messageStop) {
      stopReason = item.messageStop.stopReason;
    } else if (item.metadata) {
      outputTokens = item.metadata.usage.outputTokens;
    }
  }
  return { stopReason, outputTokens };
}

module.exports = { replyTo };
