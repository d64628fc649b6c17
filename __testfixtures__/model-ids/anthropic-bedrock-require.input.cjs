const { AnthropicBedrock } = require("@anthropic-ai/bedrock-sdk");

class Assistant {
  constructor(region) {
    this.anthropic = new AnthropicBedrock({ awsRegion: region });
  }

  async answer(question) {
    const msg = await this.anthropic.messages.create({
      model: "anthropic.claude-3-7-sonnet-20250219-v1:0",
      max_tokens: 2048,
      temperature: 0.4,
      top_p: 0.8,
      messages: [{ role: "user", content: question }],
    });
    return msg.content.filter((b) => b.type === "text").map((b) => b.text).join("");
  }

  async quick(question) {
    const msg = await this.anthropic.beta.messages.create({
      model: "claude-3-5-haiku-20241022",
      max_tokens: 200,
      messages: [{ role: "user", content: question }],
    });
    return msg.content[0].text;
  }
}

module.exports = { Assistant };
