import { describe, expect, it } from 'vitest';
import { normalizeConverse, normalizeInvokeModel, normalizeRecorded, parseTextCompletionsPrompt } from './support/normalize';
import { describeDifferences } from './support/equivalence';
import { toComparable } from './support/run-module';

const MODEL = 'anthropic.claude-sonnet-4-5-20250929-v1:0';
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

function same(invokeBody: unknown, converseBody: unknown): void {
  const a = normalizeInvokeModel(invokeBody, MODEL);
  const b = normalizeConverse(converseBody, MODEL);
  expect(describeDifferences(a, b)).toEqual([]);
}

function differ(invokeBody: unknown, converseBody: unknown): string[] {
  const diffs = describeDifferences(normalizeInvokeModel(invokeBody, MODEL), normalizeConverse(converseBody, MODEL));
  expect(diffs).not.toEqual([]);
  return diffs;
}

const base = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 100 };

describe('normalize: Anthropic Messages body ≡ Converse request (reference §3a)', () => {
  it('string and block content, string system, limits and sampling', () => {
    same(
      {
        ...base,
        system: 'Be brief.',
        temperature: 0.3,
        top_p: 0.9,
        top_k: 40,
        stop_sequences: ['END'],
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'assistant', content: [{ type: 'text', text: 'Hello' }] },
          { role: 'user', content: [{ type: 'text', text: 'Bye' }] },
        ],
      },
      {
        system: [{ text: 'Be brief.' }],
        inferenceConfig: { maxTokens: 100, temperature: 0.3, topP: 0.9, stopSequences: ['END'] },
        additionalModelRequestFields: { top_k: 40 },
        messages: [
          { role: 'user', content: [{ text: 'Hi' }] },
          { role: 'assistant', content: [{ text: 'Hello' }] },
          { role: 'user', content: [{ text: 'Bye' }] },
        ],
      },
    );
  });

  it('system blocks with cache_control ≡ text + cachePoint', () => {
    same(
      {
        ...base,
        system: [{ type: 'text', text: 'Long context', cache_control: { type: 'ephemeral', ttl: '1h' } }],
        messages: [{ role: 'user', content: [{ type: 'text', text: 'Q', cache_control: { type: 'ephemeral' } }] }],
      },
      {
        system: [{ text: 'Long context' }, { cachePoint: { type: 'default', ttl: '1h' } }],
        inferenceConfig: { maxTokens: 100 },
        messages: [{ role: 'user', content: [{ text: 'Q' }, { cachePoint: { type: 'default' } }] }],
      },
    );
    // A missing cache point is a difference.
    differ(
      { ...base, system: [{ type: 'text', text: 'S', cache_control: { type: 'ephemeral' } }], messages: [{ role: 'user', content: 'Q' }] },
      { system: [{ text: 'S' }], inferenceConfig: { maxTokens: 100 }, messages: [{ role: 'user', content: [{ text: 'Q' }] }] },
    );
  });

  it('base64 image ≡ Converse image bytes (base64 on the wire)', () => {
    const data = PNG.toString('base64');
    same(
      {
        ...base,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data } },
              { type: 'text', text: 'What is this?' },
            ],
          },
        ],
      },
      {
        inferenceConfig: { maxTokens: 100 },
        messages: [{ role: 'user', content: [{ image: { format: 'png', source: { bytes: data } } }, { text: 'What is this?' }] }],
      },
    );
    expect(
      differ(
        { ...base, messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png', data } }] }] },
        { inferenceConfig: { maxTokens: 100 }, messages: [{ role: 'user', content: [{ image: { format: 'jpeg', source: { bytes: data } } }] }] },
      ).join('\n'),
    ).toContain('format');
  });

  it('PDF and text documents (name/title not compared)', () => {
    same(
      {
        ...base,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'document', title: 'Q3 report', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0x' } },
              { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'plain notes' }, citations: { enabled: true } },
            ],
          },
        ],
      },
      {
        inferenceConfig: { maxTokens: 100 },
        messages: [
          {
            role: 'user',
            content: [
              { document: { format: 'pdf', name: 'Q3 report', source: { bytes: 'JVBERi0x' } } },
              { document: { format: 'txt', name: 'notes', source: { text: 'plain notes' }, citations: { enabled: true } } },
            ],
          },
        ],
      },
    );
  });

  it('tool_use / tool_result (is_error → status) with tools and tool_choice', () => {
    same(
      {
        ...base,
        tools: [{ name: 'lookup', description: 'Look up', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } }],
        tool_choice: { type: 'tool', name: 'lookup' },
        messages: [
          { role: 'user', content: 'find x' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'lookup', input: { q: 'x' } }] },
          {
            role: 'user',
            content: [
              { type: 'tool_result', tool_use_id: 't1', content: 'not found', is_error: true },
              { type: 'tool_result', tool_use_id: 't2', content: [{ type: 'text', text: 'ok' }] },
              { type: 'tool_result', tool_use_id: 't3' },
            ],
          },
        ],
      },
      {
        inferenceConfig: { maxTokens: 100 },
        toolConfig: {
          tools: [{ toolSpec: { name: 'lookup', description: 'Look up', inputSchema: { json: { type: 'object' } } } }, { cachePoint: { type: 'default' } }],
          toolChoice: { tool: { name: 'lookup' } },
        },
        messages: [
          { role: 'user', content: [{ text: 'find x' }] },
          { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'lookup', input: { q: 'x' } } }] },
          {
            role: 'user',
            content: [
              { toolResult: { toolUseId: 't1', content: [{ text: 'not found' }], status: 'error' } },
              { toolResult: { toolUseId: 't2', content: [{ text: 'ok' }], status: 'success' } },
              { toolResult: { toolUseId: 't3', content: [{ text: '' }] } },
            ],
          },
        ],
      },
    );
    expect(
      differ(
        { ...base, tool_choice: { type: 'any' }, tools: [{ name: 'a', input_schema: {} }], messages: [{ role: 'user', content: 'x' }] },
        { inferenceConfig: { maxTokens: 100 }, toolConfig: { tools: [{ toolSpec: { name: 'a', inputSchema: { json: {} } } }], toolChoice: { auto: {} } }, messages: [{ role: 'user', content: [{ text: 'x' }] }] },
      ),
    ).toEqual(['toolChoice.type: "any" ≠ "auto"']);
  });

  it('thinking config and blocks ≡ additionalModelRequestFields.thinking and reasoningContent', () => {
    same(
      {
        ...base,
        thinking: { type: 'enabled', budget_tokens: 2048 },
        anthropic_beta: ['interleaved-thinking-2025-05-14'],
        messages: [
          { role: 'user', content: 'q' },
          { role: 'assistant', content: [{ type: 'thinking', thinking: 'hmm', signature: 'sig' }, { type: 'text', text: 'a' }] },
          { role: 'user', content: 'q2' },
        ],
      },
      {
        inferenceConfig: { maxTokens: 100 },
        additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 2048 }, anthropic_beta: ['interleaved-thinking-2025-05-14'] },
        messages: [
          { role: 'user', content: [{ text: 'q' }] },
          { role: 'assistant', content: [{ reasoningContent: { reasoningText: { text: 'hmm', signature: 'sig' } } }, { text: 'a' }] },
          { role: 'user', content: [{ text: 'q2' }] },
        ],
      },
    );
  });

  it('output_config effort and json_schema format ≡ outputConfig (schema as a string)', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    same(
      { ...base, output_config: { effort: 'high', format: { type: 'json_schema', schema } }, messages: [{ role: 'user', content: 'x' }] },
      {
        inferenceConfig: { maxTokens: 100 },
        outputConfig: { effort: 'high', textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: JSON.stringify(schema), name: 'out' } } } },
        messages: [{ role: 'user', content: [{ text: 'x' }] }],
      },
    );
  });

  it('fields with no Converse slot stay visible as differences (metadata, dropped fields)', () => {
    expect(
      differ(
        { ...base, metadata: { user_id: 'u1' }, messages: [{ role: 'user', content: 'x' }] },
        { inferenceConfig: { maxTokens: 100 }, messages: [{ role: 'user', content: [{ text: 'x' }] }] },
      ),
    ).toEqual(['extra: {"metadata":{"user_id":"u1"}} ≠ undefined']);
    expect(
      differ(
        { ...base, system: 'S', messages: [{ role: 'user', content: 'x' }] },
        { inferenceConfig: { maxTokens: 100 }, messages: [{ role: 'user', content: [{ text: 'x' }] }] },
      ),
    ).toEqual(['system: [{"type":"text","text":"S"}] ≠ undefined']);
    expect(
      differ(
        { ...base, messages: [{ role: 'user', content: 'x' }] },
        { inferenceConfig: { maxTokens: 100 }, messages: [{ role: 'user', content: [{ text: 'y' }] }] },
      ),
    ).toEqual(['messages[0].content[0].text: "x" ≠ "y"']);
  });
});

describe('normalize: legacy Text Completions', () => {
  it('parses the Human/Assistant prompt into messages', () => {
    expect(parseTextCompletionsPrompt('You are terse.\n\nHuman: Hi\n\nAssistant: Hello\n\nHuman: 2+2?\n\nAssistant:')).toEqual({
      system: 'You are terse.',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello' }] },
        { role: 'user', content: [{ type: 'text', text: '2+2?' }] },
      ],
    });
    // A non-empty last Assistant turn is a prefill and stays.
    expect(parseTextCompletionsPrompt('\n\nHuman: List\n\nAssistant: 1.').messages.at(-1)).toEqual({
      role: 'assistant',
      content: [{ type: 'text', text: '1.' }],
    });
  });

  it('≡ the Converse request with messages, maxTokens and the implied stop sequence dropped', () => {
    same(
      { prompt: '\n\nHuman: Tell a joke\n\nAssistant:', max_tokens_to_sample: 300, temperature: 1, stop_sequences: ['\n\nHuman:'] },
      { inferenceConfig: { maxTokens: 300, temperature: 1 }, messages: [{ role: 'user', content: [{ text: 'Tell a joke' }] }] },
    );
  });
});

describe('normalize: recorded requests', () => {
  it('carries the streaming flag and InvokeModel header fields', () => {
    const invoke = normalizeRecorded({
      operation: 'InvokeModelWithResponseStream',
      modelId: MODEL,
      body: { ...base, messages: [{ role: 'user', content: 'x' }] },
      rawBody: '',
      headers: { 'x-amzn-bedrock-guardrailidentifier': 'gr-1', 'x-amzn-bedrock-guardrailversion': '2', 'x-amzn-bedrock-trace': 'ENABLED' },
      httpVersion: '2.0',
    });
    const converse = normalizeRecorded({
      operation: 'ConverseStream',
      modelId: MODEL,
      body: {
        inferenceConfig: { maxTokens: 100 },
        guardrailConfig: { guardrailIdentifier: 'gr-1', guardrailVersion: '2', trace: 'enabled' },
        messages: [{ role: 'user', content: [{ text: 'x' }] }],
      },
      rawBody: '',
      headers: {},
      httpVersion: '2.0',
    });
    expect(describeDifferences(invoke, converse)).toEqual([]);
    expect(invoke.stream).toBe(true);
    const nonStream = normalizeConverse({ messages: [] }, MODEL);
    expect(describeDifferences(invoke, { ...converse, stream: nonStream.stream })).toContain('stream: true ≠ false');
  });
});

describe('toComparable', () => {
  it('turns bytes into base64, drops undefined members, keeps errors readable', () => {
    class Box {
      constructor(public v: number, public missing?: string) {}
    }
    expect(
      toComparable({ bytes: new Uint8Array([1, 2, 3]), box: new Box(1), when: new Date(0), err: new TypeError('x'), list: [undefined, 1], m: new Map([['a', 1]]) }),
    ).toEqual({
      bytes: 'AQID',
      box: { v: 1 },
      when: '1970-01-01T00:00:00.000Z',
      err: { $error: 'TypeError', message: 'x' },
      list: [null, 1],
      m: [['a', 1]],
    });
  });
});
