const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

class Conversation {
  constructor(system) {
    this.system = system;
    this.messages = [];
  }

  async say(text) {
    this.messages.push({ role: 'user', content: text });
    const body = JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 256,
      system: this.system,
      messages: this.messages,
    });
    const response = await client.send(new InvokeModelCommand({ modelId: 'anthropic.claude-haiku-4-5-20251001-v1:0', body }));
    const reply = JSON.parse(new TextDecoder().decode(response.body));
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
