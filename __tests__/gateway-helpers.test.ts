/**
 * The gateway dispatch helpers (src/bedrock/gateway/), executed as generated (JS text) with the real SDK
 * against the stub: Claude requests go through Converse / ConverseStream and come back in the InvokeModel
 * shape, equal to what InvokeModel itself answers except for what Converse does not give (message id and
 * model, input tokens before the end, first-byte latency); everything else is sent unchanged.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as runtime from '@aws-sdk/client-bedrock-runtime';
import { BedrockRuntime, BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { startStubBedrock, type StubBedrock } from './support/stub-bedrock';
import { normalizeRecorded } from './support/normalize';
import { GATEWAY_REQUEST_HELPERS, gatewayRequestSource } from '../src/bedrock/gateway/request-source';
import { gatewayResponseSource } from '../src/bedrock/gateway/response-source';

const RESPONSE_HELPERS = [
  'sendClaudeViaConverse',
  'invokeClaudeViaConverse',
  'sendClaudeViaConverseStream',
  'invokeClaudeStreamViaConverse',
  'invokeOutputFromConverse',
  'anthropicBlockFromConverse',
  'invokeBody',
  'invokeStreamFromConverse',
];
const REFS = { ConverseCommand: 'ConverseCommand', ConverseStreamCommand: 'ConverseStreamCommand' };

function helperText(): string {
  return [
    ...GATEWAY_REQUEST_HELPERS.map((n) => gatewayRequestSource(n, undefined, ['anthropic.claude-opus-4-8'])),
    ...RESPONSE_HELPERS.map((n) => gatewayResponseSource(n, undefined, REFS)),
  ].join('\n\n');
}

type Helpers = Record<string, (...args: any[]) => any>;
const helpers: Helpers = new Function(
  'ConverseCommand',
  'ConverseStreamCommand',
  `${helperText()}\nreturn { sendClaudeViaConverse, invokeClaudeViaConverse, sendClaudeViaConverseStream, invokeClaudeStreamViaConverse, claudeConverseRequest };`,
)(runtime.ConverseCommand, runtime.ConverseStreamCommand);

const SONNET = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
let stub: StubBedrock;
let client: BedrockRuntimeClient;
let aggregated: BedrockRuntime;

beforeAll(async () => {
  stub = await startStubBedrock();
  const config = { region: 'us-east-1', endpoint: stub.url, credentials: { accessKeyId: 'AKIDSTUB', secretAccessKey: 'stub-secret' }, maxAttempts: 1 };
  client = new BedrockRuntimeClient(config);
  aggregated = new BedrockRuntime(config);
});
afterAll(async () => {
  client.destroy();
  aggregated.destroy();
  await stub.close();
});
beforeEach(() => stub.setScenario('text'));

const messagesBody = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 300, messages: [{ role: 'user', content: 'Hi there' }], ...extra });

const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));
const withoutIdentity = ({ id: _id, model: _model, ...rest }: Record<string, unknown>) => rest;

/** Sends `input` once directly on InvokeModel and once through the helper, each against a fresh scenario. */
async function both(scenario: string, input: runtime.InvokeModelCommandInput) {
  stub.setScenario(scenario);
  const direct = await client.send(new InvokeModelCommand(input));
  const directRequest = normalizeRecorded(stub.requests[0]!);
  stub.setScenario(scenario);
  const routed = await helpers.sendClaudeViaConverse(client, new InvokeModelCommand(input));
  return { direct, routed, directRequest, routedRequest: normalizeRecorded(stub.requests[0]!), operation: stub.requests[0]!.operation };
}

describe('gateway helpers: InvokeModel', () => {
  it('sends a Claude Messages body through Converse and gives back the same Anthropic message', async () => {
    const r = await both('text', { modelId: SONNET, body: messagesBody({ system: 'Be brief.', temperature: 0.2 }), contentType: 'application/json' });
    expect(r.operation).toBe('Converse');
    expect(r.routedRequest).toEqual(r.directRequest);
    expect(withoutIdentity(json(r.routed.body))).toEqual(withoutIdentity(json(r.direct.body)));
    // The body is bytes that also read as text, like the SDK's own body.
    expect(r.routed.body).toBeInstanceOf(Uint8Array);
    expect(JSON.parse(r.routed.body.transformToString())).toEqual(json(r.routed.body));
    expect(r.routed.contentType).toBe('application/json');
    expect(r.routed.$metadata.httpStatusCode).toBe(200);
  });

  it('carries tool use: tools, tool choice and a tool_result history, and the tool_use block back', async () => {
    const body = messagesBody({
      tools: [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { location: { type: 'string' } } } }],
      tool_choice: { type: 'auto' },
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { location: 'Paris' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C', is_error: false }] },
      ],
    });
    const r = await both('tool_use', { modelId: SONNET, body });
    expect(r.operation).toBe('Converse');
    expect(r.routedRequest).toEqual(r.directRequest);
    const routed = json(r.routed.body);
    expect(withoutIdentity(routed)).toEqual(withoutIdentity(json(r.direct.body)));
    expect(routed.content.some((b: { type: string }) => b.type === 'tool_use')).toBe(true);
  });

  it('sends a Text Completions prompt with Human/Assistant turns through Converse (bytes body, as TextEncoder gives)', async () => {
    const prompt = '\n\nHuman: Hello\n\nAssistant: Hi! How can I help?\n\nHuman: Tell me a joke\n\nAssistant:';
    const body = new TextEncoder().encode(JSON.stringify({ prompt, max_tokens_to_sample: 200, temperature: 0.5, anthropic_version: 'bedrock-2023-05-31' }));
    const r = await both('text', { modelId: 'anthropic.claude-v2:1', body });
    expect(r.operation).toBe('Converse');
    expect(r.routedRequest).toEqual(r.directRequest);
    const routed = json(r.routed.body);
    expect(routed.completion).toBe(json(r.direct.body).completion);
    expect(routed.stop_reason).toBe('stop_sequence');
  });

  it('drops the legacy "\\n\\nHuman:" stop sequence (the Messages turns end by themselves) and keeps the others', () => {
    const body = JSON.stringify({ prompt: '\n\nHuman: Hi\n\nAssistant:', max_tokens_to_sample: 50, stop_sequences: ['\n\nHuman:', 'END'] });
    expect(helpers.claudeConverseRequest({ modelId: 'anthropic.claude-v2', body })?.request.inferenceConfig.stopSequences).toEqual(['END']);
    const only = JSON.stringify({ prompt: '\n\nHuman: Hi\n\nAssistant:', max_tokens_to_sample: 50, stop_sequences: ['\n\nHuman:'] });
    expect(helpers.claudeConverseRequest({ modelId: 'anthropic.claude-v2', body: only })?.request.inferenceConfig.stopSequences).toBeUndefined();
  });

  it('goes through client.converse on the aggregated client', async () => {
    stub.setScenario('text');
    const out = await helpers.invokeClaudeViaConverse(aggregated, { modelId: SONNET, body: messagesBody() });
    expect(stub.requests[0]!.operation).toBe('Converse');
    expect(json(out.body).content[0].type).toBe('text');
  });

  it.each([
    ['Titan', 'amazon.titan-text-express-v1', JSON.stringify({ inputText: 'Hi', textGenerationConfig: { maxTokenCount: 50 } })],
    ['Llama', 'meta.llama3-8b-instruct-v1:0', JSON.stringify({ prompt: 'Hi', max_gen_len: 50 })],
  ])('sends a %s call unchanged, byte for byte, and returns its answer as is', async (_family, modelId, body) => {
    stub.setScenario('text');
    const direct = await client.send(new InvokeModelCommand({ modelId, body, contentType: 'application/json' }));
    const directRecorded = stub.requests[0]!;
    stub.setScenario('text');
    const routed = await helpers.sendClaudeViaConverse(client, new InvokeModelCommand({ modelId, body, contentType: 'application/json' }));
    const routedRecorded = stub.requests[0]!;
    expect(routedRecorded.operation).toBe('InvokeModel');
    expect(routedRecorded.rawBody).toBe(directRecorded.rawBody);
    expect(routedRecorded.headers).toEqual(directRecorded.headers);
    expect(routed.body.transformToString()).toBe(direct.body.transformToString());
  });

  it.each([
    ['a field Converse has no place for (metadata)', SONNET, messagesBody({ metadata: { user_id: 'u1' } })],
    ['anthropic_beta (placement uncertain)', SONNET, messagesBody({ anthropic_beta: ['computer-use-2025-01-24'] })],
    ['an application inference profile ARN', 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123', messagesBody()],
    ['a model with no documented Converse support', 'global.anthropic.claude-opus-4-8', messagesBody()],
    ['a tool_result history without tools (Converse needs toolConfig)', SONNET, messagesBody({
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't', name: 'f', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'ok' }] },
      ],
    })],
    ['a prompt that is not Human/Assistant turns', SONNET, JSON.stringify({ prompt: 'Human: hi\n\nAssistant:', max_tokens_to_sample: 10 })],
    ['a body that is not JSON', SONNET, 'not json'],
    ['a Messages body InvokeModel rejects (no max_tokens)', SONNET, JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', messages: [{ role: 'user', content: 'x' }] })],
  ])('keeps %s on InvokeModel', async (_why, modelId, body) => {
    expect(helpers.claudeConverseRequest({ modelId, body })).toBeUndefined();
  });

  it('recognises Claude by base ID, profile ID and ARN, and passes performance and service tier on', () => {
    for (const modelId of [
      'anthropic.claude-3-haiku-20240307-v1:0',
      'eu.anthropic.claude-sonnet-4-6',
      'arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0',
      'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    ]) {
      const out = helpers.claudeConverseRequest({ modelId, body: messagesBody(), performanceConfigLatency: 'optimized', serviceTier: 'flex' });
      expect(out?.request).toMatchObject({ modelId, performanceConfig: { latency: 'optimized' }, serviceTier: { type: 'flex' } });
    }
    expect(helpers.claudeConverseRequest({ modelId: SONNET, body: messagesBody(), guardrailIdentifier: 'g1', guardrailVersion: '1' })).toBeUndefined();
  });
});

/** Decoded Anthropic events of an InvokeModelWithResponseStream-shaped output. */
async function events(output: { body?: AsyncIterable<{ chunk?: { bytes?: Uint8Array } }> }): Promise<any[]> {
  const out: any[] = [];
  for await (const item of output.body!) out.push(json(item.chunk!.bytes!));
  return out;
}

/** What Converse cannot give back (see the helper's doc comment), blanked on both sides. */
function comparable(list: any[]): any[] {
  return list.map((e) => {
    if (e.type === 'message_start') return { ...e, message: { ...e.message, id: undefined, model: undefined, usage: undefined } };
    if (e.type === 'message_delta') return { ...e, usage: { output_tokens: e.usage.output_tokens } };
    if (e['amazon-bedrock-invocationMetrics']) {
      // The cache counts are there only "sometimes" on InvokeModel (reference §4a); Converse reports them as numbers.
      const { firstByteLatency: _f, cacheReadInputTokenCount: _r, cacheWriteInputTokenCount: _w, ...metrics } = e['amazon-bedrock-invocationMetrics'];
      return { ...e, 'amazon-bedrock-invocationMetrics': metrics };
    }
    return e;
  });
}

describe('gateway helpers: InvokeModelWithResponseStream', () => {
  async function bothStreams(scenario: string, input: runtime.InvokeModelWithResponseStreamCommandInput) {
    stub.setScenario(scenario);
    const direct = await events(await client.send(new InvokeModelWithResponseStreamCommand(input)));
    const directRequest = normalizeRecorded(stub.requests[0]!);
    stub.setScenario(scenario);
    const routed = await events(await helpers.sendClaudeViaConverseStream(client, new InvokeModelWithResponseStreamCommand(input)));
    return { direct, routed, directRequest, routedRequest: normalizeRecorded(stub.requests[0]!), operation: stub.requests[0]!.operation };
  }

  it.each(['text', 'tool_use', 'thinking', 'max_tokens'])('streams the same Anthropic events in the same order (%s)', async (scenario) => {
    const tools = [{ name: 'get_weather', input_schema: { type: 'object' } }];
    const r = await bothStreams(scenario, { modelId: SONNET, body: messagesBody({ tools }) });
    expect(r.operation).toBe('ConverseStream');
    expect(r.routedRequest).toEqual(r.directRequest);
    expect(comparable(r.routed)).toEqual(comparable(r.direct));
    // The input tokens arrive with message_delta (Converse reports them at the end).
    const delta = r.routed.find((e) => e.type === 'message_delta');
    const stop = r.direct.find((e) => e.type === 'message_stop');
    expect(delta.usage.input_tokens).toBe(stop['amazon-bedrock-invocationMetrics'].inputTokenCount);
  });

  it('streams a Text Completions prompt as completion pieces', async () => {
    const body = JSON.stringify({ prompt: '\n\nHuman: Hello\n\nAssistant:', max_tokens_to_sample: 100 });
    const r = await bothStreams('text', { modelId: 'anthropic.claude-instant-v1', body });
    expect(r.operation).toBe('ConverseStream');
    expect(r.routed.map((e) => e.completion).join('')).toBe(r.direct.map((e) => e.completion).join(''));
    expect(r.routed.at(-1).stop_reason).toBe(r.direct.at(-1).stop_reason);
  });

  it('sends a Llama stream unchanged and on the aggregated client too', async () => {
    const input = { modelId: 'meta.llama3-8b-instruct-v1:0', body: JSON.stringify({ prompt: 'Hi', max_gen_len: 20 }) };
    const r = await bothStreams('text', input);
    expect(r.operation).toBe('InvokeModelWithResponseStream');
    expect(r.routed).toEqual(r.direct);
    stub.setScenario('text');
    const viaAggregated = await events(await helpers.invokeClaudeStreamViaConverse(aggregated, { modelId: SONNET, body: messagesBody() }));
    expect(stub.requests[0]!.operation).toBe('ConverseStream');
    expect(viaAggregated.at(-1).type).toBe('message_stop');
  });
});
