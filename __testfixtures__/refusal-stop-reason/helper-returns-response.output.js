const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

async function callClaude(messages) {
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      messages,
      inferenceConfig: { maxTokens: 400 },
    })
  );

  if (response.stopReason === "content_filtered" || response.stopReason === "refusal") {
    throw new Error(
      `Claude refused the request (stop reason: ${response.stopReason}, model: ${MODEL_ID})`
    );
  }

  return response;
}

/** Answers a question; the helper above hands the whole response back. */
async function answer(question) {
  const messages = [{ role: "user", content: [{ text: question }] }];
  const reply = await callClaude(messages);
  return reply.output.message.content.map((block) => block.text ?? "").join("");
}

/** A second caller that reads the text as well: the guard in the helper covers both. */
async function answerOrNull(question) {
  const reply = await callClaude([{ role: "user", content: [{ text: question }] }]);
  return reply.output.message.content[0].text;
}

module.exports = { answer, answerOrNull };
