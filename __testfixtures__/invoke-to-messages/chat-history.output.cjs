const { AnthropicBedrockMantle } = require('@anthropic-ai/bedrock-sdk');

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

class Conversation {
  constructor(system) {
    this.system = system;
    this.messages = [];
  }

  async say(text) {
    this.messages.push({ role: 'user', content: text });
    const reply = await mantle.messages.create({
      model: 'anthropic.claude-haiku-4-5',
      max_tokens: 256,
      system: this.system,
      messages: this.messages,
    });
    this.messages.push({ role: 'assistant', content: reply.content });
    return reply.content[0].text;
  }
}

async function twoTurns() {
  const chat = new Conversation('You are terse.');
  const first = await chat.say('Hi');
  const second = await chat.say('And again');
  return { first, second, turns: chat.messages.length };
}

module.exports = { Conversation, twoTurns };
