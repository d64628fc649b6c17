const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

class Conversation {
  constructor(modelId) {
    this.client = new BedrockRuntimeClient({ region: "us-east-1" });
    this.modelId = modelId;
  }

  async ask(questions) {
    const messages = [];
    let last = "";
    for (const q of questions) {
      messages.push({ role: "user", content: q });
      const output = await this.client.send(
        new InvokeModelCommand({
          modelId: this.modelId,
          body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 300, messages }),
        }),
      );
      const parsed = JSON.parse(new TextDecoder().decode(output.body));
      messages.push({ role: "assistant", content: parsed.content });
      last = parsed.content.map((c) => c.text).join("");
    }
    return { last, turns: messages.length };
  }
}

async function askTwice(a, b) {
  const conversation = new Conversation("anthropic.claude-3-haiku-20240307-v1:0");
  return conversation.ask([a, b]);
}

module.exports = { Conversation, askTwice };
