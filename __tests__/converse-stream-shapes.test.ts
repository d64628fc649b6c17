/**
 * converse-stream on the shapes real streaming code takes: refusal checks carried over, decodes inside
 * try/catch, loops in helpers and generators, commands whose modelId is set after construction, calls
 * that are not Claude.
 */
import { describe, expect, it } from 'vitest';
import { transformSource } from '../src/engine/engine';
import { selectCodemods } from '../src/codemods/registry';
import codemod from '../src/codemods/converse-stream';

const entries = selectCodemods(['converse-stream']).map((e) => ({ ...e, load: () => codemod }));

function run(source: string, file = 'src/stream.ts', options: Record<string, unknown> = {}) {
  return transformSource({ path: file, source, codemods: entries, options });
}

const HEADER = `import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
const client = new BedrockRuntimeClient({ region: 'us-east-1' });
`;

const REQUEST = `new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: prompt }] }),
    })`;

/** A streaming function: `vars`, the request, the loop with `body`, then `after`. */
function streaming(body: string, vars = "let text = '';", after = 'return text;') {
  return `${HEADER}
export async function f(prompt: string) {
  ${vars}
  const response = await client.send(
    ${REQUEST},
  );
  for await (const event of response.body!) {
    ${body}
  }
  ${after}
}
`;
}

const DECODE = 'const chunk = JSON.parse(new TextDecoder().decode(event.chunk?.bytes));';

function output(source: string, file?: string): string {
  const result = run(source, file);
  expect(result.markers.map((m) => m.message)).toEqual([]);
  expect(result.output, 'expected a rewrite').not.toBeNull();
  return result.output as string;
}

function marker(source: string, file?: string): string {
  const result = run(source, file);
  expect(result.markers).toHaveLength(1);
  return result.markers[0].message;
}

describe('converse-stream: refusal checks move with the loop', () => {
  it("carries `stop_reason === 'refusal'` over as content_filtered or the raw string", () => {
    const out = output(
      streaming(`${DECODE}
    if (chunk.type === 'message_delta' && chunk.delta.stop_reason === 'refusal') throw new Error('refused');
    else if (chunk.type === 'content_block_delta') text += chunk.delta.text;`),
    );
    expect(out).toContain(
      "if (event.messageStop.stopReason === 'content_filtered' || event.messageStop.stopReason === ('refusal' as string))",
    );
  });

  it('carries a negated check over with &&, without a cast in JavaScript', () => {
    const out = output(
      streaming(`${DECODE}
    if (chunk.type === 'message_delta') { if (chunk.delta.stop_reason !== 'refusal') done = true; }`, 'let text = ""; let done = false;').replace(/!\)/g, ')').replace(/prompt: string/, 'prompt'),
      'src/stream.js',
    );
    expect(out).toContain("event.messageStop.stopReason !== 'content_filtered' && event.messageStop.stopReason !== 'refusal'");
  });

  it('follows the stop reason into a variable compared after the loop', () => {
    const out = output(
      streaming(
        `${DECODE}
    if (chunk.type === 'content_block_delta') text += chunk.delta.text;
    else if (chunk.type === 'message_delta') stop = chunk.delta.stop_reason;`,
        "let text = ''; let stop: string | undefined;",
        "if (stop === 'refusal') return '';\n  return text;",
      ),
    );
    expect(out).toContain("if (stop === 'content_filtered' || stop === ('refusal' as string)) return '';");
  });

  it("adds a content_filtered case before `case 'refusal':`", () => {
    const out = output(
      streaming(`${DECODE}
    switch (chunk.type) {
      case 'content_block_delta':
        text += chunk.delta.text;
        break;
      case 'message_delta':
        switch (chunk.delta.stop_reason) {
          case 'refusal':
            throw new Error('refused');
        }
        break;
    }`),
    );
    expect(out).toMatch(/case 'content_filtered':\s*case \('refusal' as string\):\s*throw/);
  });

  it('keeps a switch that already has a content_filtered case (it would start catching refusals)', () => {
    const source = streaming(`${DECODE}
    if (chunk.type === 'message_delta') {
      switch (chunk.delta.stop_reason) {
        case 'refusal': throw new Error('refused');
        case 'content_filtered': throw new Error('filtered');
      }
    }`);
    expect(marker(source)).toMatch(/a 'content_filtered' case, which would now also catch refusals/);
  });

  it('keeps pause_turn (no counterpart)', () => {
    const source = streaming(`${DECODE}
    if (chunk.type === 'message_delta' && chunk.delta.stop_reason === 'pause_turn') text += '…';`);
    expect(marker(source)).toMatch(/compared with 'pause_turn'/);
  });
});

describe('converse-stream: a decode inside try/catch', () => {
  it('keeps the try around the handlers and drops the decode', () => {
    const out = output(
      streaming(`try {
      ${DECODE}
      if (chunk.type === 'content_block_delta') text += chunk.delta.text;
    } catch (err) {
      console.error('bad event', err);
    }`),
    );
    expect(out).toMatch(/try \{\n\s+if \(event\.contentBlockDelta\) \{\n\s+text \+= event\.contentBlockDelta\.delta!\.text!;\n\s+\}\n\s+\} catch \(err\) \{\n\s+console\.error\('bad event', err\);/);
  });

  it('drops a try that only decodes into a `let`', () => {
    const out = output(
      streaming(`let chunk;
    try {
      chunk = JSON.parse(new TextDecoder().decode(event.chunk!.bytes));
    } catch {
      continue;
    }
    if (chunk.type === 'content_block_delta') text += chunk.delta.text;`),
    );
    expect(out).not.toContain('try');
    expect(out).not.toContain('let chunk');
    expect(out).toContain('text += event.contentBlockDelta.delta!.text!;');
  });

  it('keeps the call when the catch reads the raw event', () => {
    const source = streaming(`try {
      ${DECODE}
      if (chunk.type === 'content_block_delta') text += chunk.delta.text;
    } catch (err) {
      console.error('bad event', event.chunk);
    }`);
    expect(marker(source)).toMatch(/the `catch` around the decode reads the stream event/);
  });
});

describe('converse-stream: the loop in a helper of the same file', () => {
  const request = `await client.send(
    ${REQUEST},
  )`;
  const helper = (head: string, loopVar = 'body') => `${head} {
  let text = '';
  for await (const item of ${loopVar}) {
    const chunk = JSON.parse(new TextDecoder().decode(item.chunk?.bytes));
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') text += chunk.delta.text;
  }
  return text;
}`;

  it('migrates a function that receives `response.body`, and its parameter type', () => {
    const out = output(`${HEADER.replace('InvokeModelWithResponseStreamCommand }', 'InvokeModelWithResponseStreamCommand, type ResponseStream }')}
${helper('async function readText(body: AsyncIterable<ResponseStream>)')}
export async function f(prompt: string) {
  const response = ${request};
  return readText(response.body!);
}
`);
    expect(out).toContain('async function readText(body: AsyncIterable<ConverseStreamOutput>)');
    expect(out).toContain('return readText(response.stream!);');
    expect(out).toContain('text += item.contentBlockDelta.delta.text;');
    expect(out).not.toContain('ResponseStream,');
  });

  it('migrates a private method reached through `yield* this.parse(…)`', () => {
    const out = output(`${HEADER}
export class Chat {
  ${helper('private async *parse(body: any)').replace('text += chunk.delta.text', 'yield chunk.delta.text')}
  async *ask(prompt: string) {
    const response = ${request};
    if (response.body) yield* this.parse(response.body);
  }
}
`);
    expect(out).toContain('yield item.contentBlockDelta.delta.text;');
    expect(out).toContain('if (response.stream) yield* this.parse(response.stream);');
  });

  it('keeps a helper other modules can call', () => {
    const source = `${HEADER}
export ${helper('async function readText(body: any)')}
export async function f(prompt: string) {
  const response = ${request};
  return readText(response.body!);
}
`;
    expect(marker(source)).toMatch(/handed to `readText`, which other modules can call too/);
  });

  it('keeps a helper called from elsewhere too', () => {
    const source = `${HEADER}
${helper('async function readText(body: any)')}
export async function f(prompt: string) {
  const response = ${request};
  return readText(response.body!);
}
export const g = (s: any) => readText(s);
`;
    expect(marker(source)).toMatch(/handed to `readText`, which is called from elsewhere too/);
  });

  it('keeps a helper whose parameter has a structural type ConverseStream events would not fit', () => {
    const source = `${HEADER}
${helper('async function readText(body: AsyncIterable<{ chunk?: { bytes?: Uint8Array } }>)')}
export async function f(prompt: string) {
  const response = ${request};
  return readText(response.body!);
}
`;
    expect(marker(source)).toMatch(/types the stream with a type this codemod does not know/);
  });
});

describe('converse-stream: the command object', () => {
  const loop = `for await (const event of response.body!) {
    ${DECODE}
    if (chunk.type === 'content_block_delta') text += chunk.delta.text;
  }`;
  it('keeps `command.input.modelId = …` after construction (the same field on ConverseStream)', () => {
    const out = output(`${HEADER}
export async function f(prompt: string, modelId: string) {
  let text = '';
  const command = ${REQUEST};
  command.input.modelId = modelId;
  const response = await client.send(command);
  ${loop}
  return text;
}
`);
    expect(out).toContain('const command = new ConverseStreamCommand({');
    expect(out).toContain('command.input.modelId = modelId;');
  });

  it('keeps the call when another input field is written after construction', () => {
    const source = `${HEADER}
export async function f(prompt: string) {
  let text = '';
  const command = ${REQUEST};
  command.input.body = JSON.stringify({});
  const response = await client.send(command);
  ${loop}
  return text;
}
`;
    expect(marker(source)).toMatch(/the command input's `body` is changed after construction/);
  });
});

describe('converse-stream: calls that are not Claude', () => {
  const loop = `for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk!.bytes));
    text += chunk.generation ?? '';
  }`;
  const call = (input: string, before = '') => `${HEADER}
export async function f(prompt: string) {
  let text = '';${before}
  const response = await client.send(new InvokeModelWithResponseStreamCommand(${input}));
  ${loop}
  return text;
}
`;

  it('leaves a Llama model ID alone, with no marker', () => {
    const result = run(call("{ modelId: 'meta.llama3-70b-instruct-v1:0', body: JSON.stringify({ prompt, max_gen_len: 512 }) }"));
    expect(result.output).toBeNull();
    expect(result.markers).toEqual([]);
  });

  it('leaves a body built by a method that returns non-Claude bodies alone', () => {
    const source = `${HEADER}
export class Imported {
  constructor(private modelId: string, private chat: boolean) {}
  private body(prompt: string) {
    if (this.chat) return { messages: [{ role: 'user', content: prompt }], max_tokens: 100 };
    return { prompt, max_gen_len: 100 };
  }
  async run(prompt: string) {
    let text = '';
    const body = this.body(prompt);
    const response = await client.send(new InvokeModelWithResponseStreamCommand({ modelId: this.modelId, body: JSON.stringify(body) }));
    ${loop}
    return text;
  }
}
`;
    const result = run(source);
    expect(result.output).toBeNull();
    expect(result.markers).toEqual([]);
  });

  it('routes a gateway whose body is built for several providers at run time, or marks it with --boundaries mark', () => {
    const source = call(
      '{ modelId, body: JSON.stringify(body) }',
      `
  const modelId = process.env.MODEL_ID!;
  let body;
  if (modelId.startsWith('anthropic.')) body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 100, messages: [{ role: 'user', content: prompt }] };
  else body = { inputText: prompt };`,
    );
    const routed = run(source);
    expect(routed.markers).toEqual([]);
    expect(routed.output).toMatch(/sendClaudeViaConverseStream\(\s*client,/);
    const marked = run(source, undefined, { boundaries: 'mark' });
    expect(marked.markers.map((m) => m.message).join('\n')).toMatch(/one call serves Claude and other model families \(Titan\)/);
  });

  it('names the builder when the input comes from a provider object', () => {
    const source = call('this.provider.getRequestBody(prompt)').replace('export async function f', 'export async function f(this: any, ').replace('f(this: any, (prompt', 'f(this: any, prompt');
    expect(marker(source)).toMatch(/built by `this\.provider\.getRequestBody\(…\)`, whose implementation is picked at run time/);
  });
});

describe('converse-stream: work done at message_delta with the output tokens', () => {
  it('moves it to metadata and keeps the stop reason from messageStop in a variable', () => {
    const out = output(
      streaming(
        `${DECODE}
    if (chunk.type === 'content_block_delta') text += chunk.delta.text;
    else if (chunk.type === 'message_delta') report(chunk.delta.stop_reason, chunk.usage.output_tokens);`,
        "let text = ''; const report = (_s: string, _n: number) => {};",
      ),
    );
    expect(out).toContain('let stopReason: StopReason | undefined;\n  for await');
    expect(out).toMatch(/\} else if \(event\.messageStop\) \{\n\s+stopReason = event\.messageStop\.stopReason;\n\s+\} else if \(event\.metadata\) \{\n\s+report\(stopReason!, event\.metadata\.usage!\.outputTokens!\);/);
  });

  it('keeps the call when a later message_delta statement would now run first', () => {
    const source = streaming(
      `${DECODE}
    if (chunk.type === 'message_delta') { report(chunk.usage.output_tokens); done = true; }`,
      "let text = ''; let done = false; const report = (_n: number) => {};",
    );
    expect(marker(source)).toMatch(/a statement after the token counts would now run before them/);
  });

  it('keeps a sum over message_delta events (the counts are cumulative)', () => {
    const source = streaming(
      `${DECODE}
    if (chunk.type === 'message_delta') total = total + chunk.usage.output_tokens;`,
      "let text = ''; let total = 0;",
    );
    expect(marker(source)).toMatch(/token counts/);
  });
});

describe('converse-stream: a whole delta event forwarded', () => {
  it('rebuilds the Anthropic delta event with a helper written once', () => {
    const out = output(
      streaming(`${DECODE}
    if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') forward(chunk);
    else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'input_json_delta') forward(chunk);`, "let text = ''; const forward = (_e: unknown) => {};"),
    );
    expect(out.match(/forward\(toAnthropicDeltaEvent\(event\.contentBlockDelta!\)\)/g)).toHaveLength(2);
    expect(out.match(/function toAnthropicDeltaEvent\(event: ContentBlockDeltaEvent\)/g)).toHaveLength(1);
  });

  it('keeps the call when every content block delta is forwarded alike (citations would have no counterpart)', () => {
    const source = streaming(`${DECODE}
    if (chunk.type === 'content_block_delta') forward(chunk);`, "let text = ''; const forward = (_e: unknown) => {};");
    expect(marker(source)).toMatch(/the whole Anthropic event `chunk` is passed on \(`forward\(…\)`\)/);
  });
});

describe('converse-stream: the command built in a helper, sent by its caller', () => {
  const loop = `for await (const event of response.body!) {
    ${DECODE}
    if (chunk.type === 'content_block_delta') text += chunk.delta.text;
  }`;
  const build = `function build(prompt: string) {
  return ${REQUEST};
}`;
  it('migrates both when the helper has that one caller', () => {
    const out = output(`${HEADER}
${build}
export async function f(prompt: string) {
  let text = '';
  const response = await client.send(build(prompt));
  ${loop}
  return text;
}
`);
    expect(out).toContain('return new ConverseStreamCommand({');
    expect(out).toContain('for await (const event of response.stream!)');
  });

  it('keeps the call when the builder is exported', () => {
    const source = `${HEADER}
export ${build}
export async function f(prompt: string) {
  let text = '';
  const response = await client.send(build(prompt));
  ${loop}
  return text;
}
`;
    expect(marker(source)).toMatch(/built in `build`, which other modules can call too/);
  });
});
