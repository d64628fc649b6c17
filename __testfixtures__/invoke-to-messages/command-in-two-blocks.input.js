const { BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const MODEL_ID = 'anthropic.claude-opus-4-7';

class Completer {
  constructor() {
    this.client = new BedrockRuntimeClient({ region: 'us-east-1' });
  }

  // One `command` per branch: two variables of the same name in two blocks of one method.
  async complete(prompt, stream = false) {
    if (stream) {
      const command = new InvokeModelWithResponseStreamCommand({
        modelId: MODEL_ID,
        body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 200, messages: [{ role: 'user', content: prompt }] }),
      });
      const response = await this.client.send(command);
      let text = '';
      for await (const event of response.body) {
        const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
        if (chunk.type === 'content_block_delta') text += chunk.delta.text;
      }
      return text;
    }
    const command = new InvokeModelCommand({
      modelId: MODEL_ID,
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 200, messages: [{ role: 'user', content: prompt }] }),
    });
    const response = await this.client.send(command);
    const data = JSON.parse(new TextDecoder().decode(response.body));
    return data.content[0].text;
  }
}

async function completeBoth(prompt) {
  const completer = new Completer();
  return { once: await completer.complete(prompt), streamed: await completer.complete(prompt, true) };
}

module.exports = { Completer, completeBoth };
