const {
  BedrockRuntimeClient,
} = require('@aws-sdk/client-bedrock-runtime');

const { AnthropicBedrockMantle } = require('@anthropic-ai/bedrock-sdk');

const MODEL_ID = 'anthropic.claude-opus-4-7';

class Completer {
  constructor() {
    this.client = new BedrockRuntimeClient({ region: 'us-east-1' });
  }

  // One `command` per branch: two variables of the same name in two blocks of one method.
  async complete(prompt, stream = false) {
    if (stream) {
      const response = await mantle.messages.create({
        model: MODEL_ID,
        max_tokens: 200,
        messages: [{ role: 'user', content: prompt }],
        stream: true,
      });
      let text = '';
      for await (const chunk of response) {
        if (chunk.type === 'content_block_delta') text += chunk.delta.text;
      }
      return text;
    }
    const data = await mantle.messages.create(
      { model: MODEL_ID, max_tokens: 200, messages: [{ role: 'user', content: prompt }] },
    );
    return data.content[0].text;
  }
}

const mantle = new AnthropicBedrockMantle({ awsRegion: 'us-east-1' });

async function completeBoth(prompt) {
  const completer = new Completer();
  return { once: await completer.complete(prompt), streamed: await completer.complete(prompt, true) };
}

module.exports = { Completer, completeBoth };
