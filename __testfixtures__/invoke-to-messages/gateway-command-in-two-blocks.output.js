const { BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const { AnthropicBedrockMantle } = require('@anthropic-ai/bedrock-sdk');

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
      const response = await sendStreamViaClaudeMessages(this.client, command);
      let text = '';
      for await (const event of response.body) {
        const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
        text += chunk.delta?.text ?? chunk.generation ?? '';
      }
      return { text };
    }
    const command = new InvokeModelCommand(input);
    command.input.modelId = this.actualModel;
    const response = await sendViaClaudeMessages(this.client, command);
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

/**
 * InvokeModel: a Claude model the Messages API on Bedrock serves goes to that API, and its answer
 * comes back in the InvokeModel output shape. Every other call (other models and families,
 * bodies that API does not take) is sent unchanged.
 */
async function sendViaClaudeMessages(client, command, options) {
  const request = claudeMessagesRequest(command.input, false);
  if (!request) return client.send(command, options);
  const mantle = await claudeMessagesClient(client);
  const message = await mantle.messages.create({ ...request, stream: false }, claudeMessagesOptions(options));
  return claudeMessagesOutput(message);
}

/** A Messages API message → the InvokeModel output: the message JSON as body bytes with transformToString. */
function claudeMessagesOutput(message) {
  const body = new TextEncoder().encode(JSON.stringify(message));
  const transformToString = (encoding = 'utf-8') => new TextDecoder(encoding).decode(body);
  return { $metadata: { httpStatusCode: 200 }, contentType: 'application/json', body: Object.assign(body, { transformToString }) };
}
