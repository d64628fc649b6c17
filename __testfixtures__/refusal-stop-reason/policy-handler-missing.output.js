const AnthropicBedrock = require("@anthropic-ai/bedrock-sdk").default;

const client = new AnthropicBedrock({ awsRegion: "us-west-2" });

exports.extractKeywords = async function extractKeywords(text) {
  const message = await client.messages.create({
    model: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
    max_tokens: 200,
    messages: [{ role: "user", content: `List keywords, comma separated:\n${text}` }],
  });

  if (message.stop_reason === "refusal") {
    return reportRefusal(message);
  }

  return message.content[0].text.split(",").map((k) => k.trim());
};
