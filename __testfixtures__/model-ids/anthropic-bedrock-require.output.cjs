const { AnthropicBedrock } = require("@anthropic-ai/bedrock-sdk");

class Assistant {
  constructor(region) {
    this.anthropic = new AnthropicBedrock({ awsRegion: region });
  }

  async answer(question) {
    // TODO(bedrock-claude-codemod): Claude Sonnet 4.6 accepts temperature or top_p, not both (400 when both are set): kept temperature, removed top_p
    const msg = await this.anthropic.messages.create({
      model: "global.anthropic.claude-sonnet-4-6",
      max_tokens: 2048,
      temperature: 0.4,
      messages: [{ role: "user", content: question }],
    });
    return msg.content.filter((b) => b.type === "text").map((b) => b.text).join("");
  }

  async quick(question) {
    const msg = await this.anthropic.beta.messages.create({
      model: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
      max_tokens: 200,
      messages: [{ role: "user", content: question }],
    });
    return msg.content[0].text;
  }
}

module.exports = { Assistant };
