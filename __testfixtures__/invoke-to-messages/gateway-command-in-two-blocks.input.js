const { BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const INFERENCE_PROFILES = {
  'claude-haiku': 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
  'claude-opus': 'global.anthropic.claude-opus-4-7',
  'llama-8b': 'meta.llama3-8b-instruct-v1:0',
};

function requestBody(model, prompt) {
  if (model.includes('anthropic.')) {
    return { anthropic_version: 'bedrock-2023-05-31', max_tokens: 256, messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }] };
  }
  return { prompt, max_gen_len: 256 };
}

function textOf(model, payload) {
  return model.includes('anthropic.') ? payload.content[0].text : payload.generation;
}

class Completer {
  constructor(model) {
    this.actualModel = INFERENCE_PROFILES[model] ?? model;
    this.client = new BedrockRuntimeClient({});
  }

  async complete(params) {
    const input = { contentType: 'application/json', accept: 'application/json', body: JSON.stringify(requestBody(this.actualModel, params.prompt)) };
    if (params.stream) {
      const command = new InvokeModelWithResponseStreamCommand(input);
      command.input.modelId = this.actualModel;
      const response = await this.client.send(command);
      let text = '';
      for await (const event of response.body) {
        const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
        text += chunk.delta?.text ?? chunk.generation ?? '';
      }
      return { text };
    }
    const command = new InvokeModelCommand(input);
    command.input.modelId = this.actualModel;
    const response = await this.client.send(command);
    return { text: textOf(this.actualModel, JSON.parse(Buffer.from(response.body).toString('utf8'))) };
  }
}

async function completeBoth(model, prompt) {
  const completer = new Completer(model);
  const once = await completer.complete({ prompt });
  const streamed = await completer.complete({ prompt, stream: true });
  return { once, streamed };
}

module.exports = { Completer, completeBoth };
