const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

// A small wrapper: sends one prompt and returns Claude's parsed answer.
async function askClaude(prompt, maxTokens = 300) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: maxTokens,
        messages: [{ role: "user", content: prompt }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body));
}

async function outlineAndDraft(topic) {
  const outline = await askClaude(`Outline a blog post about ${topic}.`);
  if (outline.stop_reason === "max_tokens") {
    throw new Error("outline too long");
  }
  const outlineText = outline.content[0].text;
  let draft = await askClaude(`Write the post from this outline:\n${outlineText}`, 800);
  if (draft.stop_reason === "max_tokens") {
    draft = await askClaude(`Write a shorter post from this outline:\n${outlineText}`, 800);
  }
  return {
    outline: outlineText,
    draft: draft.content.map((block) => block.text).join(""),
    tokens: outline.usage.output_tokens + draft.usage.output_tokens,
  };
}

module.exports = { outlineAndDraft };
