const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

// A small wrapper: sends one prompt and returns Claude's parsed answer.
async function askClaude(prompt, maxTokens = 300) {
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL_ID,
      messages: [{ role: "user", content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens },
    }),
  );
  return response;
}

async function outlineAndDraft(topic) {
  const outline = await askClaude(`Outline a blog post about ${topic}.`);
  if (outline.stopReason === "max_tokens") {
    throw new Error("outline too long");
  }
  const outlineText = outline.output.message.content[0].text;
  let draft = await askClaude(`Write the post from this outline:\n${outlineText}`, 800);
  if (draft.stopReason === "max_tokens") {
    draft = await askClaude(`Write a shorter post from this outline:\n${outlineText}`, 800);
  }
  return {
    outline: outlineText,
    draft: draft.output.message.content.map((block) => block.text).join(""),
    tokens: outline.usage.outputTokens + draft.usage.outputTokens,
  };
}

module.exports = { outlineAndDraft };
