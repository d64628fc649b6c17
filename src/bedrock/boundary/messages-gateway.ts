/**
 * Boundary helpers for a gateway's shared send (`--api messages`): one `client.send(command, options)` (or
 * `client.invokeModel(input, options)`) serves Claude and other model families, and the model ID and body are
 * known only at run time. The send becomes a call of one of these helpers, which at run time
 *  - sends the command unchanged unless its model ID names a Claude model the Messages API on Bedrock serves
 *    (the table is generated from the codemod's catalog: base IDs, profile IDs, ARNs → the mantle ID) and its
 *    body is an Anthropic Messages body that API accepts (reference §7c, §8, §9: no anthropic-beta header, the
 *    request rules of API version 2026-10-21, the model's thinking and prefill rules, no InvokeModel-only
 *    input fields);
 *  - otherwise calls `AnthropicBedrockMantle.messages.create(...)` (a client per runtime client, made on first
 *    use with the runtime client's region and credential provider) and returns the InvokeModel-shaped output
 *    the code after it reads: `body` as the message JSON bytes (a Uint8Array with `transformToString`, as the
 *    AWS SDK's Uint8ArrayBlobAdapter), or for a stream an async iterable of `{ chunk: { bytes } }`, one per
 *    Messages API event, as InvokeModelWithResponseStream carries them (reference §4a).
 *
 * API (stable): `gatewayHelperSource(name, options)`, `gatewayHelperDependencies(name)`, `GATEWAY_HELPERS`.
 * The helpers' strings hold no single quote (ensureBoundaryHelper swaps double quotes for the file's style).
 */
import type { InvokeTypeNames } from './insert';

/** One Claude model the Messages API on Bedrock serves: every ID written for it on bedrock-runtime. */
export interface GatewayModel {
  /** Base IDs (and other IDs) as they follow a profile prefix or an ARN's `foundation-model/`. */
  ids: string[];
  mantleId: string;
  /** Thinking types the model accepts (`enabled`, `adaptive`, `disabled`). */
  thinking: string[];
  /** False when a last assistant turn (prefill) is rejected. */
  prefill: boolean;
}

/** Local type names in the file (TS only). */
export type GatewayTypes = InvokeTypeNames;

export interface GatewayHelperOptions {
  models: GatewayModel[];
  profilePrefixes: readonly string[];
  /** Beta flags the served models ignore: left out rather than keeping the call on InvokeModel. */
  ignoredBetas: readonly string[];
  /** Above this `max_tokens`, the SDK refuses a non-streaming request. */
  maxNonStreamingTokens: number;
  /** The local name of `AnthropicBedrockMantle`. */
  mantleClass: string;
  types?: GatewayTypes;
}

/** The entry helpers, by call shape. */
export const GATEWAY_HELPERS = {
  send: 'sendViaClaudeMessages',
  sendStream: 'sendStreamViaClaudeMessages',
  invokeModel: 'invokeModelViaClaudeMessages',
  invokeModelStream: 'invokeModelStreamViaClaudeMessages',
} as const;

const SHARED = ['claudeMessagesRequest', 'claudeMessagesModel', 'claudeMessagesClient', 'claudeMessagesOptions'];

export function gatewayHelperDependencies(name: string): string[] {
  switch (name) {
    case GATEWAY_HELPERS.send:
    case GATEWAY_HELPERS.invokeModel:
      return [...SHARED, 'claudeMessagesOutput'];
    case GATEWAY_HELPERS.sendStream:
    case GATEWAY_HELPERS.invokeModelStream:
      return [...SHARED, 'claudeMessagesChunks'];
    case 'claudeMessagesRequest':
      return ['claudeMessagesModel'];
    default:
      return [];
  }
}

function modelTable(options: GatewayHelperOptions): string {
  const rows = options.models.flatMap((m) =>
    m.ids.map(
      (id) =>
        `    [${JSON.stringify(id)}, { id: ${JSON.stringify(m.mantleId)}, thinking: [${m.thinking.map((t) => JSON.stringify(t)).join(', ')}], prefill: ${m.prefill} }],`,
    ),
  );
  return rows.join('\n');
}

function entry(name: string, options: GatewayHelperOptions): string {
  const ty = options.types;
  const t = (annotation: string) => (ty ? annotation : '');
  const stream = name === GATEWAY_HELPERS.sendStream || name === GATEWAY_HELPERS.invokeModelStream;
  const aggregated = name === GATEWAY_HELPERS.invokeModel || name === GATEWAY_HELPERS.invokeModelStream;
  const clientType = aggregated ? ty?.BedrockRuntime : ty?.BedrockRuntimeClient;
  const argName = aggregated ? 'input' : 'command';
  const argType = aggregated ? ty?.InvokeModelCommandInput : stream ? ty?.InvokeModelWithResponseStreamCommand : ty?.InvokeModelCommand;
  const outputType = stream ? ty?.InvokeModelWithResponseStreamCommandOutput : ty?.InvokeModelCommandOutput;
  const optionsType = aggregated ? `Parameters<${clientType}["invokeModel"]>[1]` : `Parameters<${clientType}["send"]>[1]`;
  const fallback = aggregated ? `client.${stream ? 'invokeModelWithResponseStream' : 'invokeModel'}(input, options)` : 'client.send(command, options)';
  const input = aggregated ? 'input' : 'command.input';
  const what = stream ? 'InvokeModelWithResponseStream' : 'InvokeModel';
  const result = stream
    ? `  const events = await mantle.messages.create({ ...request, stream: true }, claudeMessagesOptions(options));
  return { $metadata: { httpStatusCode: 200 }, contentType: "application/json", body: claudeMessagesChunks(events) };`
    : `  const message = await mantle.messages.create({ ...request, stream: false }, claudeMessagesOptions(options));
  return claudeMessagesOutput(message);`;
  return `/**
 * ${what}: a Claude model the Messages API on Bedrock serves goes to that API, and its answer
 * comes back in the ${what} output shape. Every other call (other models and families,
 * bodies that API does not take) is sent unchanged.
 */
async function ${name}(client${t(`: ${clientType}`)}, ${argName}${t(`: ${argType}`)}, options${t(`?: ${optionsType}`)})${t(`: Promise<${outputType}>`)} {
  const request = claudeMessagesRequest(${input}, ${stream});
  if (!request) return ${fallback};
  const mantle = await claudeMessagesClient(client);
${result}
}`;
}

/** The source of one helper. */
export function gatewayHelperSource(name: string, options: GatewayHelperOptions): string {
  const ty = options.types;
  const t = (annotation: string) => (ty ? annotation : '');
  if ((Object.values(GATEWAY_HELPERS) as string[]).includes(name)) return entry(name, options);
  const prefixes = options.profilePrefixes.join('|');
  switch (name) {
    case 'claudeMessagesModel':
      return `/** The Messages API on Bedrock ID and request rules of a Claude model ID it serves (base ID, profile ID or ARN). */
function claudeMessagesModel(modelId${t(': unknown')}) {
  const models = new Map([
${modelTable(options)}
  ]);
  if (typeof modelId !== "string") return undefined;
  const arn = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:[0-9]*:(?:foundation-model|inference-profile)\\/(.+)$/.exec(modelId);
  return models.get((arn ? arn[1] : modelId).replace(/^(?:${prefixes})\\./, ""));
}`;
    case 'claudeMessagesRequest':
      return `/**
 * The messages.create() request for an InvokeModel input, or undefined when the call stays on InvokeModel: a
 * model that API does not serve, input fields it has no place for, a body that is not an Anthropic Messages body
 * or that breaks its rules (beta flags, thinking mode, prefill, API version 2026-10-21). Sampling parameters
 * (temperature, top_p, top_k) are left out: API version 2026-10-21 rejects them.
 */
function claudeMessagesRequest(input${t(`: ${ty?.InvokeModelCommandInput}`)}, stream${t(': boolean')})${t(`: Parameters<${options.mantleClass}["messages"]["create"]>[0] | undefined`)} {
  const model = claudeMessagesModel(input.modelId);
  const fields = ["modelId", "body", "contentType", "accept"];
  if (!model || Object.entries(input).some(([key, value]) => value !== undefined && !fields.includes(key))) return undefined;
  let body;
  try {
    body = JSON.parse(typeof input.body === "string" ? input.body : new TextDecoder().decode(input.body${t(' as Uint8Array')}));
  } catch {
    return undefined;
  }
  if (!body || typeof body !== "object" || !Array.isArray(body.messages) || typeof body.max_tokens !== "number") return undefined;
  if ("model" in body || "stream" in body || "prompt" in body) return undefined;
  const betas = body.anthropic_beta ?? [];
  const ignoredBetas = [${options.ignoredBetas.map((b) => JSON.stringify(b)).join(', ')}];
  if (!Array.isArray(betas) || !betas.every((flag) => ignoredBetas.includes(flag))) return undefined;
  if (!stream && body.max_tokens > ${options.maxNonStreamingTokens}) return undefined;
  if (body.thinking && !model.thinking.includes(body.thinking.type)) return undefined;
  if (!model.prefill && body.messages[body.messages.length - 1]?.role === "assistant") return undefined;
  for (const message of body.messages) {
    for (const block of Array.isArray(message.content) ? message.content : []) {
      if (message.role === "assistant" && block.type === "document") return undefined;
      if (message.role === "user" && block.type === "text" && block.citations !== undefined) return undefined;
    }
  }
  const request = { ...body, model: model.id };
  for (const key of ["anthropic_version", "anthropic_beta", "temperature", "top_p", "top_k"]) delete request[key];
  return request;
}`;
    case 'claudeMessagesClient':
      return `/** One AnthropicBedrockMantle per runtime client, made on first use with its region and credential provider. */
async function claudeMessagesClient(client${t(`: ${ty?.BedrockRuntimeClient}`)}) {
  claudeMessagesClients ??= new WeakMap();
  let mantle = claudeMessagesClients.get(client);
  if (!mantle) {
    const credentials = client.config.credentials;
    mantle = new ${options.mantleClass}({
      awsRegion: await client.config.region(),
      providerChainResolver: credentials ? async () => credentials : null,
    });
    claudeMessagesClients.set(client, mantle);
  }
  return mantle;
}

// var: hoisted, so a call made while the module is still loading finds it.
var claudeMessagesClients${t(`: WeakMap<object, ${options.mantleClass}> | undefined`)};`;
    case 'claudeMessagesOptions':
      return `/** The send options the Messages API request takes: the abort signal. */
function claudeMessagesOptions(options${t('?: { abortSignal?: unknown }')}) {
  return { signal: options?.abortSignal${t(' as AbortSignal | undefined')} };
}`;
    case 'claudeMessagesOutput':
      return `/** A Messages API message → the InvokeModel output: the message JSON as body bytes with transformToString. */
function claudeMessagesOutput(message${t(': object')}) {
  const body = new TextEncoder().encode(JSON.stringify(message));
  const transformToString = (encoding = "utf-8") => new TextDecoder(encoding).decode(body);
  return { $metadata: { httpStatusCode: 200 }, contentType: "application/json", body: Object.assign(body, { transformToString }) };
}`;
    case 'claudeMessagesChunks':
      return `/** Messages API stream events → InvokeModelWithResponseStream chunks: each event as JSON bytes. */
async function* claudeMessagesChunks(events${t(': AsyncIterable<object>')}) {
  const encoder = new TextEncoder();
  for await (const event of events) yield { chunk: { bytes: encoder.encode(JSON.stringify(event)) } };
}`;
  }
  throw new Error(`unknown gateway helper ${name}`);
}
