'use strict';
const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

// One entry per model provider on Bedrock: how to build its body and how to read its stream events.
const PROVIDERS = {
  anthropic: {
    body: ({ messages, tools, maxTokens, temperature }) => ({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: maxTokens,
      temperature,
      messages: messages.map((m) => ({ role: m.role, content: m.content })),
      ...(tools.length ? { tools } : {}),
    }),
    read(event, out) {
      if (event.type === 'content_block_start' && event.content_block.type === 'tool_use') {
        out.toolCalls.push({ id: event.content_block.id, name: event.content_block.name, json: '' });
      } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        out.text += event.delta.text;
      } else if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') {
        out.toolCalls[out.toolCalls.length - 1].json += event.delta.partial_json;
      } else if (event.type === 'message_delta') {
        out.stopReason = event.delta.stop_reason;
      }
    },
  },
  meta: {
    body: ({ messages, maxTokens, temperature }) => ({
      prompt: messages.map((m) => m.content).join('\n'),
      max_gen_len: maxTokens,
      temperature,
    }),
    read(event, out) {
      if (event.generation) out.text += event.generation;
      if (event.stop_reason) out.stopReason = event.stop_reason;
    },
  },
  amazon: {
    body: ({ messages, maxTokens, temperature }) => ({
      inputText: messages.map((m) => m.content).join('\n'),
      textGenerationConfig: { maxTokenCount: maxTokens, temperature },
    }),
    read(event, out) {
      if (event.outputText) out.text += event.outputText;
      if (event.completionReason) out.stopReason = event.completionReason;
    },
  },
};

function providerOf(modelId) {
  const base = modelId.replace(/^(us|eu|apac|global)\./, '');
  const provider = PROVIDERS[base.split('.')[0]];
  if (!provider) throw new Error(`Unsupported model ${modelId}`);
  return provider;
}

class StreamingLLM {
  constructor({ model, temperature = 0.1, maxTokens = 1024, ...clientConfig }) {
    this.model = model;
    this.temperature = temperature;
    this.maxTokens = maxTokens;
    this.provider = providerOf(model);
    this.client = new BedrockRuntimeClient(clientConfig);
  }

  async run(messages, tools = []) {
    const body = this.provider.body({ messages, tools, maxTokens: this.maxTokens, temperature: this.temperature });
    const command = new InvokeModelWithResponseStreamCommand({
      modelId: this.model,
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify(body),
    });
    const response = await this.client.send(command);
    const out = { text: '', toolCalls: [], stopReason: null };
    for await (const event of response.body) {
      if (!event.chunk?.bytes) continue;
      this.provider.read(JSON.parse(new TextDecoder().decode(event.chunk.bytes)), out);
    }
    return out;
  }
}

async function streamChat(model, prompt, tools) {
  const llm = new StreamingLLM({ model, region: process.env.AWS_REGION || 'us-east-1' });
  return llm.run([{ role: 'user', content: prompt }], tools);
}

module.exports = { StreamingLLM, streamChat };
