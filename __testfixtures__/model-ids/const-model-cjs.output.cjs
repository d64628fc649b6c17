const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const MODEL_ID = "global.anthropic.claude-haiku-4-5-20251001-v1:0";
const client = new BedrockRuntimeClient({ region: "eu-central-1" });

async function translate(text, language) {
  // TODO(bedrock-claude-codemod): Claude Haiku 4.5 accepts temperature or top_p, not both (400 when both are set): kept temperature, removed top_p
  const payload = {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 2000,
    temperature: 0.2,
    messages: [{ role: "user", content: `Translate into ${language}:\n\n${text}` }],
  };
  const res = await client.send(new InvokeModelCommand({ modelId: MODEL_ID, body: JSON.stringify(payload) }));
  return JSON.parse(Buffer.from(res.body).toString("utf8")).content[0].text;
}

async function detectLanguage(text) {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 10,
        messages: [{ role: "user", content: `Which language is this? Reply with the ISO code.\n\n${text}` }],
      }),
    }),
  );
  return JSON.parse(res.body.transformToString()).content[0].text.trim();
}

module.exports = { translate, detectLanguage, MODEL_ID };
