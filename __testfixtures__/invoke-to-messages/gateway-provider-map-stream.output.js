'use strict';
const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const { AnthropicBedrockMantle } = require('@anthropic-ai/bedrock-sdk');

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
    const response = await sendStreamViaClaudeMessages(this.client, command);
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

/**
 * InvokeModelWithResponseStream: a Claude model the Messages API on Bedrock serves goes to that API, and its answer
 * comes back in the InvokeModelWithResponseStream output shape. Every other call (other models and families,
 * bodies that API does not take) is sent unchanged.
 */
async function sendStreamViaClaudeMessages(client, command, options) {
  const request = claudeMessagesRequest(command.input, true);
  if (!request) return client.send(command, options);
  const mantle = await claudeMessagesClient(client);
  const events = await mantle.messages.create({ ...request, stream: true }, claudeMessagesOptions(options));
  return { $metadata: { httpStatusCode: 200 }, contentType: 'application/json', body: claudeMessagesChunks(events) };
}

/**
 * The messages.create() request for an InvokeModel input, or undefined when the call stays on InvokeModel: a
 * model that API does not serve, input fields it has no place for, a body that is not an Anthropic Messages body
 * or that breaks its rules (beta flags, thinking mode, prefill, API version 2026-10-21). Sampling parameters
 * (temperature, top_p, top_k) are left out: API version 2026-10-21 rejects them.
 */
function claudeMessagesRequest(input, stream) {
  const model = claudeMessagesModel(input.modelId);
  const fields = ['modelId', 'body', 'contentType', 'accept'];
  if (!model || Object.entries(input).some(([key, value]) => value !== undefined && !fields.includes(key))) return undefined;
  let body;
  try {
    body = JSON.parse(typeof input.body === 'string' ? input.body : new TextDecoder().decode(input.body));
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object' || !Array.isArray(body.messages) || typeof body.max_tokens !== 'number') return undefined;
  if ('model' in body || 'stream' in body || 'prompt' in body) return undefined;
  const betas = body.anthropic_beta ?? [];
  const ignoredBetas = ['token-efficient-tools-2025-02-19', 'output-128k-2025-02-19'];
  if (!Array.isArray(betas) || !betas.every((flag) => ignoredBetas.includes(flag))) return undefined;
  if (!stream && body.max_tokens > 21333) return undefined;
  if (body.thinking && !model.thinking.includes(body.thinking.type)) return undefined;
  if (!model.prefill && body.messages[body.messages.length - 1]?.role === 'assistant') return undefined;
  for (const message of body.messages) {
    for (const block of Array.isArray(message.content) ? message.content : []) {
      if (message.role === 'assistant' && block.type === 'document') return undefined;
      if (message.role === 'user' && block.type === 'text' && block.citations !== undefined) return undefined;
    }
  }
  const request = { ...body, model: model.id };
  for (const key of ['anthropic_version', 'anthropic_beta', 'temperature', 'top_p', 'top_k']) delete request[key];
  return request;
}

/** The Messages API on Bedrock ID and request rules of a Claude model ID it serves (base ID, profile ID or ARN). */
function claudeMessagesModel(modelId) {
  const models = new Map([
    ['anthropic.claude-haiku-4-5-20251001-v1:0', { id: 'anthropic.claude-haiku-4-5', thinking: ['enabled', 'disabled'], prefill: true }],
    ['anthropic.claude-haiku-4-5', { id: 'anthropic.claude-haiku-4-5', thinking: ['enabled', 'disabled'], prefill: true }],
    ['anthropic.claude-opus-4-7', { id: 'anthropic.claude-opus-4-7', thinking: ['adaptive', 'disabled'], prefill: false }],
    ['anthropic.claude-opus-4-8', { id: 'anthropic.claude-opus-4-8', thinking: ['adaptive', 'disabled'], prefill: false }],
    ['anthropic.claude-sonnet-5', { id: 'anthropic.claude-sonnet-5', thinking: ['adaptive', 'disabled'], prefill: false }],
    ['anthropic.claude-opus-5', { id: 'anthropic.claude-opus-5', thinking: ['adaptive', 'disabled'], prefill: false }],
    ['anthropic.claude-fable-5', { id: 'anthropic.claude-fable-5', thinking: ['adaptive'], prefill: false }],
  ]);
  if (typeof modelId !== 'string') return undefined;
  const arn = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:[0-9]*:(?:foundation-model|inference-profile)\/(.+)$/.exec(modelId);
  return models.get((arn ? arn[1] : modelId).replace(/^(?:global|us|eu|apac|jp|au|us-gov)\./, ''));
}

/** One AnthropicBedrockMantle per runtime client, made on first use with its region and credential provider. */
async function claudeMessagesClient(client) {
  claudeMessagesClients ??= new WeakMap();
  let mantle = claudeMessagesClients.get(client);
  if (!mantle) {
    const credentials = client.config.credentials;
    mantle = new AnthropicBedrockMantle({
      awsRegion: await client.config.region(),
      providerChainResolver: credentials ? async () => credentials : null,
    });
    claudeMessagesClients.set(client, mantle);
  }
  return mantle;
}

// var: hoisted, so a call made while the module is still loading finds it.
var claudeMessagesClients;

/** The send options the Messages API request takes: the abort signal. */
function claudeMessagesOptions(options) {
  return { signal: options?.abortSignal };
}

/** Messages API stream events → InvokeModelWithResponseStream chunks: each event as JSON bytes. */
async function* claudeMessagesChunks(events) {
  const encoder = new TextEncoder();
  for await (const event of events) yield { chunk: { bytes: encoder.encode(JSON.stringify(event)) } };
}
