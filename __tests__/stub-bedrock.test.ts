import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import { startStubBedrock, type StubBedrock } from './support/stub-bedrock';
import { resolveScenario, scenarioNames } from './support/scenarios';

const MODEL = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const ARN = 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0';

let stub: StubBedrock;
let client: BedrockRuntimeClient;

beforeAll(async () => {
  stub = await startStubBedrock();
  client = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: stub.url,
    credentials: { accessKeyId: 'AKIDSTUB', secretAccessKey: 'stub-secret' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await stub.close();
});

beforeEach(() => stub.setScenario('text'));

function messagesBody(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 256,
    messages: [{ role: 'user', content: 'What is the capital of France?' }],
    ...extra,
  });
}

async function invokeJson(modelId = MODEL, body = messagesBody()): Promise<any> {
  const res = await client.send(new InvokeModelCommand({ modelId, body, contentType: 'application/json', accept: 'application/json' }));
  return JSON.parse(new TextDecoder().decode(res.body));
}

async function converse(modelId = MODEL, extra: Record<string, unknown> = {}) {
  return client.send(
    new ConverseCommand({
      modelId,
      messages: [{ role: 'user', content: [{ text: 'What is the capital of France?' }] }],
      inferenceConfig: { maxTokens: 256 },
      ...extra,
    }),
  );
}

async function invokeStreamEvents(body = messagesBody()): Promise<any[]> {
  const res = await client.send(new InvokeModelWithResponseStreamCommand({ modelId: MODEL, body }));
  const events: any[] = [];
  for await (const event of res.body!) {
    expect(event.chunk?.bytes).toBeInstanceOf(Uint8Array);
    events.push(JSON.parse(new TextDecoder().decode(event.chunk!.bytes)));
  }
  return events;
}

async function converseStreamEvents(): Promise<ConverseStreamOutput[]> {
  const res = await client.send(
    new ConverseStreamCommand({
      modelId: MODEL,
      messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
      inferenceConfig: { maxTokens: 100 },
    }),
  );
  const events: ConverseStreamOutput[] = [];
  for await (const event of res.stream!) events.push(event);
  return events;
}

describe('stub Bedrock: InvokeModel', () => {
  it('answers an Anthropic Messages body and records the request', async () => {
    const json = await invokeJson();
    expect(json).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'Hello! The capital of France is Paris.' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 25, output_tokens: 12, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
    });
    expect(stub.requests).toHaveLength(1);
    expect(stub.requests[0]).toMatchObject({
      operation: 'InvokeModel',
      modelId: MODEL,
      body: { anthropic_version: 'bedrock-2023-05-31', max_tokens: 256 },
      httpVersion: '2.0',
    });
    expect(stub.requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('decodes percent-encoded ARNs in the path', async () => {
    await invokeJson(ARN);
    await converse(ARN);
    expect(stub.requests.map((r) => r.modelId)).toEqual([ARN, ARN]);
  });

  it('answers a legacy Text Completions body with {completion, stop_reason}', async () => {
    const json = await invokeJson(
      'anthropic.claude-v2',
      JSON.stringify({ prompt: '\n\nHuman: Hi\n\nAssistant:', max_tokens_to_sample: 300 }),
    );
    expect(json).toEqual({
      type: 'completion',
      completion: 'Hello! The capital of France is Paris.',
      stop_reason: 'stop_sequence',
      stop: '\n\nHuman:',
    });
  });

  it('rejects a Messages body without anthropic_version like Bedrock does', async () => {
    await expect(invokeJson(MODEL, JSON.stringify({ max_tokens: 10, messages: [] }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('anthropic_version'),
    });
  });

  it('serves tool use, thinking and refusal turns', async () => {
    stub.setScenario('tool_use');
    const first = await invokeJson();
    expect(first.stop_reason).toBe('tool_use');
    expect(first.content[1]).toEqual({
      type: 'tool_use',
      id: 'toolu_bdrk_01A2B3C4D5E6F7G8H9J0K1L2',
      name: 'get_weather',
      input: { location: 'Seattle, WA', unit: 'celsius' },
    });
    const second = await invokeJson();
    expect(second.content).toEqual([{ type: 'text', text: 'It is 12 degrees and raining in Seattle.' }]);
    // The last turn repeats once the list is exhausted.
    expect((await invokeJson()).stop_reason).toBe('end_turn');

    stub.setScenario('thinking');
    expect((await invokeJson()).content[0]).toMatchObject({ type: 'thinking', signature: 'c2lnbmF0dXJlLXN0dWI=' });

    stub.setScenario('redacted_thinking');
    expect((await invokeJson()).content[0]).toEqual({ type: 'redacted_thinking', data: 'ZW5jcnlwdGVkLXJlYXNvbmluZw==' });
    const redacted = await converse();
    expect(Buffer.from(redacted.output!.message!.content![0]!.reasoningContent!.redactedContent!).toString()).toBe('encrypted-reasoning');

    stub.setScenario('refusal');
    const refused = await invokeJson();
    expect(refused.stop_reason).toBe('refusal');
    expect(refused.content).toEqual([]);
    expect(refused).not.toHaveProperty('stop_details');

    stub.setScenario('refusal_with_details');
    expect((await invokeJson()).stop_details).toEqual({ type: 'refusal', category: 'cyber', explanation: null });
    stub.setScenario('refusal_with_details');
    expect((await converse(MODEL, { additionalModelResponseFieldPaths: ['/stop_details'] })).additionalModelResponseFields).toEqual({
      stop_details: { type: 'refusal', category: 'cyber', explanation: null },
    });
  });
});

describe('stub Bedrock: Converse', () => {
  it('answers with output.message, stopReason, usage and metrics', async () => {
    const res = await converse();
    expect(res.output?.message).toEqual({ role: 'assistant', content: [{ text: 'Hello! The capital of France is Paris.' }] });
    expect(res.stopReason).toBe('end_turn');
    expect(res.usage).toEqual({
      inputTokens: 25,
      outputTokens: 12,
      totalTokens: 37,
      cacheReadInputTokens: 0,
      cacheWriteInputTokens: 0,
    });
    expect(res.metrics?.latencyMs).toBeGreaterThan(0);
    expect(stub.requests[0]).toMatchObject({ operation: 'Converse', body: { inferenceConfig: { maxTokens: 256 } } });
  });

  it('answers the same scenario consistently with InvokeModel', async () => {
    stub.setScenario('cache_usage');
    const invoked = await invokeJson();
    const conversed = await converse();
    expect(conversed.output?.message?.content?.[0]?.text).toBe(invoked.content[0].text);
    expect(conversed.usage?.cacheReadInputTokens).toBe(invoked.usage.cache_read_input_tokens);
    expect(conversed.usage?.cacheWriteInputTokens).toBe(invoked.usage.cache_creation_input_tokens);
    expect(conversed.usage?.inputTokens).toBe(invoked.usage.input_tokens);
  });

  it('maps tool use and reasoning blocks to Converse members', async () => {
    stub.setScenario('tool_use');
    const res = await converse(MODEL, {
      toolConfig: { tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object' } } } }] },
    });
    expect(res.stopReason).toBe('tool_use');
    expect(res.output?.message?.content?.[1]).toEqual({
      toolUse: { toolUseId: 'toolu_bdrk_01A2B3C4D5E6F7G8H9J0K1L2', name: 'get_weather', input: { location: 'Seattle, WA', unit: 'celsius' } },
    });
    stub.setScenario('thinking');
    const thinking = await converse();
    expect(thinking.output?.message?.content?.[0]).toEqual({
      reasoningContent: { reasoningText: { text: 'The user asks for 2+2. That is 4.', signature: 'c2lnbmF0dXJlLXN0dWI=' } },
    });
  });

  it('passes the raw "refusal" stop reason through, or content_filtered in the variant', async () => {
    stub.setScenario('refusal');
    const res = await converse();
    expect(res.stopReason).toBe('refusal');
    expect(res.output?.message?.content).toEqual([]);
    stub.setScenario('refusal_content_filtered');
    expect((await converse()).stopReason).toBe('content_filtered');
  });

  it('answers additionalModelResponseFieldPaths from the native response, streamed or not', async () => {
    stub.setScenario('stop_sequence');
    const res = await converse(MODEL, { additionalModelResponseFieldPaths: ['/stop_sequence', '/stop_reason', '/nope'] });
    expect(res.stopReason).toBe('stop_sequence');
    expect(res.additionalModelResponseFields).toEqual({ stop_sequence: 'END', stop_reason: 'stop_sequence' });
    stub.setScenario('refusal');
    const stream = await client.send(
      new ConverseStreamCommand({
        modelId: MODEL,
        messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
        additionalModelResponseFieldPaths: ['/stop_reason'],
      }),
    );
    const stops = [];
    for await (const event of stream.stream!) if (event.messageStop) stops.push(event.messageStop);
    expect(stops).toEqual([{ stopReason: 'refusal', additionalModelResponseFields: { stop_reason: 'refusal' } }]);
    expect((await converse()).additionalModelResponseFields).toBeUndefined();
  });

  it('rejects toolUse blocks without toolConfig like Bedrock does', async () => {
    await expect(
      client.send(
        new ConverseCommand({
          modelId: MODEL,
          messages: [
            { role: 'user', content: [{ text: 'weather?' }] },
            { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'w', input: {} } }] },
            { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [{ text: 'rain' }] } }] },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('toolConfig') });
  });

  it('rejects a document without a name and an unknown image format', async () => {
    const send = (content: any[]) =>
      client.send(new ConverseCommand({ modelId: MODEL, messages: [{ role: 'user', content }] }));
    await expect(send([{ document: { format: 'txt', source: { text: 'x' } } as any }, { text: 'sum up' }])).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('document block requires a name'),
    });
    await expect(send([{ image: { format: 'bmp' as any, source: { bytes: new Uint8Array([1]) } } }])).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(send([{ document: { format: 'txt', name: 'notes', source: { text: 'x' } } }, { text: 'sum up' }])).resolves.toBeTruthy();
  });

  it('returns scenario errors as typed SDK exceptions on every API', async () => {
    stub.setScenario('access_denied');
    await expect(converse()).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
    await expect(invokeJson()).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('stub Bedrock: streams (AWS event-stream framing)', () => {
  it('streams Anthropic events in chunk.bytes, ending with Bedrock invocation metrics', async () => {
    const events = await invokeStreamEvents();
    expect(events.map((e) => e.type)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const text = events.filter((e) => e.type === 'content_block_delta').map((e) => e.delta.text).join('');
    expect(text).toBe('Hello! The capital of France is Paris.');
    expect(events[6]).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 12 },
    });
    expect(events[7]['amazon-bedrock-invocationMetrics']).toMatchObject({ inputTokenCount: 25, outputTokenCount: 12 });
    expect(stub.requests[0]!.operation).toBe('InvokeModelWithResponseStream');
  });

  it('streams ConverseStream events with the same text, stop reason and usage', async () => {
    const events = await converseStreamEvents();
    expect(events.map((e) => Object.keys(e).filter((k) => (e as any)[k] !== undefined)[0])).toEqual([
      'messageStart',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockDelta',
      'contentBlockStop',
      'messageStop',
      'metadata',
    ]);
    const text = events.map((e) => e.contentBlockDelta?.delta?.text ?? '').join('');
    expect(text).toBe('Hello! The capital of France is Paris.');
    expect(events.find((e) => e.messageStop)?.messageStop?.stopReason).toBe('end_turn');
    expect(events.find((e) => e.metadata)?.metadata?.usage).toMatchObject({ inputTokens: 25, outputTokens: 12 });
  });

  it('streams a tool call both ways with the same id, name and input', async () => {
    stub.setScenario('tool_use');
    const anthropic = await invokeStreamEvents();
    const start = anthropic.find((e) => e.type === 'content_block_start' && e.content_block.type === 'tool_use');
    const json = anthropic
      .filter((e) => e.type === 'content_block_delta' && e.delta.type === 'input_json_delta')
      .map((e) => e.delta.partial_json)
      .join('');
    stub.setScenario('tool_use');
    const converseEvents = await converseStreamEvents();
    const cStart = converseEvents.find((e) => e.contentBlockStart)?.contentBlockStart;
    const cJson = converseEvents.map((e) => e.contentBlockDelta?.delta?.toolUse?.input ?? '').join('');
    expect(cStart?.start?.toolUse).toEqual({ toolUseId: start.content_block.id, name: start.content_block.name });
    expect(cStart?.contentBlockIndex).toBe(start.index);
    expect(JSON.parse(cJson)).toEqual(JSON.parse(json));
    expect(converseEvents.find((e) => e.messageStop)?.messageStop?.stopReason).toBe('tool_use');
  });

  it('streams a refusal without content blocks', async () => {
    stub.setScenario('refusal');
    const events = await invokeStreamEvents();
    expect(events.map((e) => e.type)).toEqual(['message_start', 'message_delta', 'message_stop']);
    expect(events[1].delta.stop_reason).toBe('refusal');
    stub.setScenario('refusal');
    const converseEvents = await converseStreamEvents();
    expect(converseEvents.find((e) => e.messageStop)?.messageStop?.stopReason).toBe('refusal');
  });

  it('breaks both streams at the same point with a modeled stream exception', async () => {
    stub.setScenario('stream_error');
    const seen: string[] = [];
    const res = await client.send(new InvokeModelWithResponseStreamCommand({ modelId: MODEL, body: messagesBody() }));
    const anthropicError = await (async () => {
      for await (const event of res.body!) seen.push(JSON.parse(new TextDecoder().decode(event.chunk!.bytes)).type);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(['message_start', 'content_block_start', 'content_block_delta']);
    expect(anthropicError).toMatchObject({ name: 'ModelStreamErrorException', message: 'The model stream was interrupted.' });

    stub.setScenario('stream_error');
    const texts: string[] = [];
    const conv = await client.send(
      new ConverseStreamCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }),
    );
    const converseError = await (async () => {
      for await (const event of conv.stream!) if (event.contentBlockDelta?.delta?.text) texts.push(event.contentBlockDelta.delta.text);
    })().catch((e: unknown) => e);
    expect(texts).toEqual(['This stream will ']);
    expect(converseError).toMatchObject({ name: 'ModelStreamErrorException', message: 'The model stream was interrupted.' });
  });

  it('streams a legacy Text Completions body as completion chunks', async () => {
    const events = await invokeStreamEvents(JSON.stringify({ prompt: '\n\nHuman: Hi\n\nAssistant:', max_tokens_to_sample: 50 }));
    expect(events.map((e) => e.completion).join('')).toBe('Hello! The capital of France is Paris.');
    expect(events.at(-1).stop_reason).toBe('stop_sequence');
  });
});

describe('stub Bedrock: unmodified client code', () => {
  it('is reached through AWS_ENDPOINT_URL_BEDROCK_RUNTIME and env credentials', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_BEDROCK_RUNTIME: stub.url,
      AWS_ACCESS_KEY_ID: 'AKIDSTUB',
      AWS_SECRET_ACCESS_KEY: 'stub-secret',
      AWS_REGION: 'us-east-1',
    });
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_BEARER_TOKEN_BEDROCK;
    try {
      const plain = new BedrockRuntimeClient({ region: 'us-east-1' });
      const res = await plain.send(new ConverseCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }));
      plain.destroy();
      expect(res.stopReason).toBe('end_turn');
      expect(stub.requests).toHaveLength(1);
    } finally {
      process.env = saved;
    }
  });

  it('serves AnthropicBedrock (HTTP/1.1) with the same answer', async () => {
    stub.setScenario('tool_use');
    const anthropic = new AnthropicBedrock({
      baseURL: stub.url,
      awsRegion: 'us-east-1',
      awsAccessKey: 'AKIDSTUB',
      awsSecretKey: 'stub-secret',
      apiKey: null,
      maxRetries: 0,
    });
    const message = await anthropic.messages.create({
      model: ARN,
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Weather in Seattle?' }],
    });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[1]).toMatchObject({ type: 'tool_use', name: 'get_weather' });
    expect(stub.requests[0]).toMatchObject({ operation: 'InvokeModel', modelId: ARN, httpVersion: '1.1' });
    expect(stub.requests[0]!.body).not.toHaveProperty('model');

    stub.setScenario('text');
    const stream = await anthropic.messages.create({
      model: MODEL,
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    let text = '';
    for await (const event of stream) {
      if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text;
    }
    expect(text).toBe('Hello! The capital of France is Paris.');
    expect(stub.requests[0]!.operation).toBe('InvokeModelWithResponseStream');
  });
});

/** What a caller can observe from one answer, read the way each API delivers it. */
interface Observed {
  text: string;
  toolCalls: Array<{ id: string; name: string; input: unknown }>;
  thinking: string;
  stopReason: string;
  inputTokens: number;
  outputTokens: number;
}

async function observeAll(scenario: string): Promise<Record<string, Observed>> {
  const converseTools = { tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object' } } } }] };
  stub.setScenario(scenario);
  const invoked = await invokeJson();
  stub.setScenario(scenario);
  const conversed = await converse(MODEL, { toolConfig: converseTools });
  stub.setScenario(scenario);
  const anthropicEvents = await invokeStreamEvents();
  stub.setScenario(scenario);
  const res = await client.send(
    new ConverseStreamCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: 'Hi' }] }], toolConfig: converseTools }),
  );
  const converseEvents: ConverseStreamOutput[] = [];
  for await (const event of res.stream!) converseEvents.push(event);

  const fromInvoke: Observed = {
    text: invoked.content.filter((b: any) => b.type === 'text').map((b: any) => b.text).join(''),
    toolCalls: invoked.content.filter((b: any) => b.type === 'tool_use').map((b: any) => ({ id: b.id, name: b.name, input: b.input })),
    thinking: invoked.content.filter((b: any) => b.type === 'thinking').map((b: any) => b.thinking).join(''),
    stopReason: invoked.stop_reason,
    inputTokens: invoked.usage.input_tokens,
    outputTokens: invoked.usage.output_tokens,
  };
  const blocks = conversed.output?.message?.content ?? [];
  const fromConverse: Observed = {
    text: blocks.map((b) => b.text ?? '').join(''),
    toolCalls: blocks.filter((b) => b.toolUse).map((b) => ({ id: b.toolUse!.toolUseId!, name: b.toolUse!.name!, input: b.toolUse!.input })),
    thinking: blocks.map((b) => b.reasoningContent?.reasoningText?.text ?? '').join(''),
    stopReason: conversed.stopReason!,
    inputTokens: conversed.usage!.inputTokens!,
    outputTokens: conversed.usage!.outputTokens!,
  };
  const tools = new Map<number, { id: string; name: string; json: string }>();
  const fromAnthropicStream: Observed = { text: '', toolCalls: [], thinking: '', stopReason: '', inputTokens: 0, outputTokens: 0 };
  for (const e of anthropicEvents) {
    if (e.type === 'message_start') fromAnthropicStream.inputTokens = e.message.usage.input_tokens;
    if (e.type === 'content_block_start' && e.content_block.type === 'tool_use') tools.set(e.index, { id: e.content_block.id, name: e.content_block.name, json: '' });
    if (e.type === 'content_block_delta' && e.delta.type === 'text_delta') fromAnthropicStream.text += e.delta.text;
    if (e.type === 'content_block_delta' && e.delta.type === 'thinking_delta') fromAnthropicStream.thinking += e.delta.thinking;
    if (e.type === 'content_block_delta' && e.delta.type === 'input_json_delta') tools.get(e.index)!.json += e.delta.partial_json;
    if (e.type === 'message_delta') {
      fromAnthropicStream.stopReason = e.delta.stop_reason;
      fromAnthropicStream.outputTokens = e.usage.output_tokens;
    }
  }
  fromAnthropicStream.toolCalls = [...tools.values()].map((t) => ({ id: t.id, name: t.name, input: JSON.parse(t.json) }));
  const cTools = new Map<number, { id: string; name: string; json: string }>();
  const fromConverseStream: Observed = { text: '', toolCalls: [], thinking: '', stopReason: '', inputTokens: 0, outputTokens: 0 };
  for (const e of converseEvents) {
    const start = e.contentBlockStart?.start?.toolUse;
    if (start) cTools.set(e.contentBlockStart!.contentBlockIndex!, { id: start.toolUseId!, name: start.name!, json: '' });
    const delta = e.contentBlockDelta?.delta;
    if (delta?.text !== undefined) fromConverseStream.text += delta.text;
    if (delta?.reasoningContent?.text !== undefined) fromConverseStream.thinking += delta.reasoningContent.text;
    if (delta?.toolUse) cTools.get(e.contentBlockDelta!.contentBlockIndex!)!.json += delta.toolUse.input;
    if (e.messageStop) fromConverseStream.stopReason = e.messageStop.stopReason!;
    if (e.metadata) {
      fromConverseStream.inputTokens = e.metadata.usage!.inputTokens!;
      fromConverseStream.outputTokens = e.metadata.usage!.outputTokens!;
    }
  }
  fromConverseStream.toolCalls = [...cTools.values()].map((t) => ({ id: t.id, name: t.name, input: JSON.parse(t.json) }));
  return { invoke: fromInvoke, converse: fromConverse, invokeStream: fromAnthropicStream, converseStream: fromConverseStream };
}

describe('stub Bedrock: every scenario says the same thing on all four APIs', () => {
  const answering = scenarioNames().filter((name) => resolveScenario(name).turns.every((t) => !t.error && !t.streamError));
  it.each(answering)('%s', async (name) => {
    const seen = await observeAll(name);
    const turn = resolveScenario(name).turns[0]!;
    // Converse may name the stop reason differently only where the scenario says so (refusal variants).
    const expectedConverse = { ...seen.invoke, stopReason: turn.converseStopReason ?? turn.stopReason };
    expect(seen.invokeStream).toEqual(seen.invoke);
    expect(seen.converse).toEqual(expectedConverse);
    expect(seen.converseStream).toEqual(expectedConverse);
    expect(seen.invoke.stopReason).toBe(turn.stopReason);
  });
});

describe('scenarios', () => {
  it('resolves every named scenario and inline turns', () => {
    for (const name of scenarioNames()) expect(resolveScenario(name).turns.length).toBeGreaterThan(0);
    const inline = resolveScenario([{ content: [{ type: 'text', text: 'x' }] }, 'refusal']);
    expect(inline.turns.map((t) => t.stopReason)).toEqual(['end_turn', 'refusal']);
    expect(() => resolveScenario('nope')).toThrow(/Unknown scenario/);
  });
});
