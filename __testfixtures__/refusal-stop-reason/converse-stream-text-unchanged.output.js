const { BedrockRuntimeClient, ConverseStreamCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

/** Streams an answer into `chunks` and returns the whole text. */
async function streamToArray(question, chunks = []) {
  const { stream } = await client.send(
    new ConverseStreamCommand({
      modelId: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
    })
  );
  for await (const event of stream) {
    if (event.messageStop?.stopReason === "content_filtered" || event.messageStop?.stopReason === "refusal") {
      throw new Error(
        `Claude refused the request (stop reason: ${event.messageStop?.stopReason}, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0)`
      );
    }

    const text = event.contentBlockDelta?.delta?.text;
    if (text) chunks.push(text);
  }
  return chunks.join("");
}

module.exports = { streamToArray };
