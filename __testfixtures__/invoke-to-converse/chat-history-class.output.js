const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

class Conversation {
  constructor(modelId) {
    this.client = new BedrockRuntimeClient({ region: "us-east-1" });
    this.modelId = modelId;
  }

  async ask(questions) {
    const messages = [];
    let last = "";
    for (const q of questions) {
      messages.push({ role: "user", content: [{ text: q }] });
      const output = await this.client.send(
        new ConverseCommand({
          modelId: this.modelId,
          messages,
          inferenceConfig: { maxTokens: 300 },
        }),
      );
      messages.push({ role: "assistant", content: output.output.message.content });
      last = output.output.message.content.map((c) => c.text).join("");
    }
    return { last, turns: messages.length };
  }
}

async function askTwice(a, b) {
  const conversation = new Conversation("anthropic.claude-3-haiku-20240307-v1:0");
  return conversation.ask([a, b]);
}

module.exports = { Conversation, askTwice };
