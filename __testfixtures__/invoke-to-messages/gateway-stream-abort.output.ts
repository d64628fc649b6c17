import {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
  type InvokeModelWithResponseStreamCommandOutput,
  type InvokeModelCommandInput,
} from '@aws-sdk/client-bedrock-runtime';
import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

export interface StreamParams {
  model: string;
  prompt: string;
  maxOutputTokens?: number;
  signal?: AbortSignal;
}

/** A multi-provider streaming model: the body depends on the provider, the send is shared. */
export class BedrockStreamingModel {
  private readonly client: BedrockRuntimeClient;

  constructor(region = 'us-east-1') {
    this.client = new BedrockRuntimeClient({ region });
  }

  private requestBody(params: StreamParams): Record<string, unknown> {
    const modelId = params.model;
    if (modelId.startsWith('anthropic.')) {
      return {
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: params.maxOutputTokens || 1024,
        messages: [{ role: 'user', content: params.prompt }],
      };
    }
    if (modelId.startsWith('amazon.titan-')) {
      return { inputText: params.prompt, textGenerationConfig: { maxTokenCount: params.maxOutputTokens || 1024 } };
    }
    if (modelId.startsWith('meta.')) {
      return { prompt: params.prompt, max_gen_len: params.maxOutputTokens || 1024 };
    }
    throw new Error(`Unsupported model provider for Bedrock: ${modelId}`);
  }

  createStreamingRequest(params: StreamParams): Promise<InvokeModelWithResponseStreamCommandOutput> {
    const command = new InvokeModelWithResponseStreamCommand({
      modelId: params.model,
      body: JSON.stringify(this.requestBody(params)),
      contentType: 'application/json',
      accept: 'application/json',
    });
    // Forward the caller's signal so an abort closes the HTTP stream.
    return sendStreamViaClaudeMessages(this.client, command, { abortSignal: params.signal });
  }

  processChunk(bytes: Uint8Array): { content: string; finishReason: string | null } {
    const data = JSON.parse(new TextDecoder().decode(bytes));
    const content = data.delta?.text ?? data.outputText ?? data.generation ?? '';
    return { content, finishReason: data.delta?.stop_reason ?? data.completionReason ?? data.stop_reason ?? null };
  }
}

export async function streamText(model: string, prompt: string): Promise<{ text: string; finishReason: string | null; events: number }> {
  const llm = new BedrockStreamingModel();
  const controller = new AbortController();
  const response = await llm.createStreamingRequest({ model, prompt, maxOutputTokens: 400, signal: controller.signal });
  let text = '';
  let finishReason: string | null = null;
  let events = 0;
  for await (const event of response.body ?? []) {
    if (!event.chunk?.bytes) continue;
    events++;
    const chunk = llm.processChunk(event.chunk.bytes);
    text += chunk.content;
    finishReason = chunk.finishReason ?? finishReason;
  }
  return { text, finishReason, events };
}

/**
 * InvokeModelWithResponseStream: a Claude model the Messages API on Bedrock serves goes to that API, and its answer
 * comes back in the InvokeModelWithResponseStream output shape. Every other call (other models and families,
 * bodies that API does not take) is sent unchanged.
 */
async function sendStreamViaClaudeMessages(
  client: BedrockRuntimeClient,
  command: InvokeModelWithResponseStreamCommand,
  options?: Parameters<BedrockRuntimeClient['send']>[1],
): Promise<InvokeModelWithResponseStreamCommandOutput> {
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
function claudeMessagesRequest(input: InvokeModelCommandInput, stream: boolean): Parameters<AnthropicBedrockMantle['messages']['create']>[0] | undefined {
  const model = claudeMessagesModel(input.modelId);
  const fields = ['modelId', 'body', 'contentType', 'accept'];
  if (!model || Object.entries(input).some(([key, value]) => value !== undefined && !fields.includes(key))) return undefined;
  let body;
  try {
    body = JSON.parse(typeof input.body === 'string' ? input.body : new TextDecoder().decode(input.body as Uint8Array));
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
function claudeMessagesModel(modelId: unknown) {
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
async function claudeMessagesClient(client: BedrockRuntimeClient) {
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
var claudeMessagesClients: WeakMap<object, AnthropicBedrockMantle> | undefined;

/** The send options the Messages API request takes: the abort signal. */
function claudeMessagesOptions(options?: { abortSignal?: unknown }) {
  return { signal: options?.abortSignal as AbortSignal | undefined };
}

/** Messages API stream events → InvokeModelWithResponseStream chunks: each event as JSON bytes. */
async function* claudeMessagesChunks(events: AsyncIterable<object>) {
  const encoder = new TextEncoder();
  for await (const event of events) yield { chunk: { bytes: encoder.encode(JSON.stringify(event)) } };
}
