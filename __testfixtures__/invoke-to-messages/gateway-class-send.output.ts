import {
  BedrockRuntimeClient,
  InvokeModelCommand,
  type InvokeModelCommandInput,
  type InvokeModelCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';

import { AnthropicBedrockMantle } from '@anthropic-ai/bedrock-sdk';

export interface ChatTurn {
  role: 'user' | 'assistant';
  text: string;
}

/** One service for every text model the team uses on Bedrock; the model comes from configuration. */
export class BedrockChatService {
  private readonly client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

  constructor(private readonly modelId: string) {}

  private isClaude(): boolean {
    return this.modelId.startsWith('anthropic.') || this.modelId.includes('.anthropic.');
  }

  private buildBody(turns: ChatTurn[], maxTokens: number): string {
    if (this.isClaude()) {
      return JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: maxTokens,
        system: 'Answer in one short sentence.',
        messages: turns.map((t) => ({ role: t.role, content: t.text })),
      });
    }
    const transcript = turns.map((t) => `${t.role === 'user' ? 'User' : 'Bot'}: ${t.text}`).join('\n');
    if (this.modelId.startsWith('meta.')) {
      return JSON.stringify({ prompt: `${transcript}\nBot:`, max_gen_len: maxTokens });
    }
    return JSON.stringify({ inputText: transcript, textGenerationConfig: { maxTokenCount: maxTokens } });
  }

  private readText(payload: any): string {
    if (this.isClaude()) return payload.content.map((block: { text?: string }) => block.text ?? '').join('');
    if (this.modelId.startsWith('meta.')) return payload.generation;
    return payload.results[0].outputText;
  }

  async chat(turns: ChatTurn[], maxTokens = 512): Promise<{ text: string; status?: number }> {
    const response = await sendViaClaudeMessages(this.client, new InvokeModelCommand({
      modelId: this.modelId,
      contentType: 'application/json',
      accept: 'application/json',
      body: this.buildBody(turns, maxTokens),
    }));
    const payload = JSON.parse(new TextDecoder().decode(response.body));
    return { text: this.readText(payload), status: response.$metadata.httpStatusCode };
  }
}

export async function ask(modelId: string, question: string): Promise<{ text: string; status?: number }> {
  return new BedrockChatService(modelId).chat([{ role: 'user', text: question }]);
}

/**
 * InvokeModel: a Claude model the Messages API on Bedrock serves goes to that API, and its answer
 * comes back in the InvokeModel output shape. Every other call (other models and families,
 * bodies that API does not take) is sent unchanged.
 */
async function sendViaClaudeMessages(
  client: BedrockRuntimeClient,
  command: InvokeModelCommand,
  options?: Parameters<BedrockRuntimeClient['send']>[1],
): Promise<InvokeModelCommandOutput> {
  const request = claudeMessagesRequest(command.input, false);
  if (!request) return client.send(command, options);
  const mantle = await claudeMessagesClient(client);
  const message = await mantle.messages.create({ ...request, stream: false }, claudeMessagesOptions(options));
  return claudeMessagesOutput(message);
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

/** A Messages API message → the InvokeModel output: the message JSON as body bytes with transformToString. */
function claudeMessagesOutput(message: object) {
  const body = new TextEncoder().encode(JSON.stringify(message));
  const transformToString = (encoding = 'utf-8') => new TextDecoder(encoding).decode(body);
  return { $metadata: { httpStatusCode: 200 }, contentType: 'application/json', body: Object.assign(body, { transformToString }) };
}
