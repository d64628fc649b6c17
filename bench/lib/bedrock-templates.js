'use strict';
/**
 * The files of the generated tree that matter to the codemods.
 * - `callers`: real Claude-on-Bedrock code of varied shapes; every one of them is expected to change.
 * - `decoys`: files that mention stopReason, anthropic, claude or InvokeModel in comments, strings or
 *   unrelated code, without calling Claude on Bedrock; none of them is expected to change, but several
 *   pass the substring pre-filter, so they cost a parse.
 * - `configs`: model IDs in .env, JSON and YAML files (expected to change).
 */
const { camel, pascal } = require('./random');

const LEGACY_IDS = [
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-5-sonnet-20241022-v2:0',
  'us.anthropic.claude-3-5-haiku-20241022-v1:0',
  'anthropic.claude-3-sonnet-20240229-v1:0',
];

function invokeMessages(r, { noun, ts }) {
  const model = r.pick(LEGACY_IDS);
  const fn = camel('summarize', noun);
  return `import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });
const MODEL_ID = '${model}';

/** Summarises a ${noun} for the weekly digest. */
export async function ${fn}(text${ts ? ': string' : ''})${ts ? ': Promise<string>' : ''} {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: ${r.int(2, 16) * 64},
        temperature: 0.${r.int(0, 9)},
        system: 'Summarize the ${noun} in three bullet points.',
        messages: [{ role: 'user', content: text }],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.content[0].text;
}
`;
}

function lambdaCjs(r, { noun }) {
  const model = r.pick(LEGACY_IDS);
  return `'use strict';
const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const bedrock = new BedrockRuntimeClient({});

exports.handler = async (event) => {
  const { question } = JSON.parse(event.body || '{}');
  const output = await bedrock.send(
    new InvokeModelCommand({
      modelId: process.env.MODEL_ID || '${model}',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: ${r.int(4, 20) * 50},
        messages: [{ role: 'user', content: [{ type: 'text', text: question }] }],
      }),
    }),
  );
  const payload = JSON.parse(Buffer.from(output.body).toString('utf8'));
  if (payload.stop_reason === 'max_tokens') {
    console.warn('${noun} answer truncated');
  }
  return { statusCode: 200, body: JSON.stringify({ answer: payload.content[0].text }) };
};
`;
}

function stream(r, { noun, ts }) {
  const model = r.pick(LEGACY_IDS);
  return `import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({});

/** Streams the ${noun} explanation to the caller piece by piece. */
export async function ${camel('stream', noun, 'explanation')}(question${ts ? ': string' : ''}, onText${ts ? ': (text: string) => void' : ''}) {
  const res = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: '${model}',
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: ${r.int(2, 8) * 128},
        messages: [{ role: 'user', content: [{ type: 'text', text: question }] }],
      }),
    }),
  );
  let text = '';
  for await (const event of res.body${ts ? '!' : ''}) {
    const json = JSON.parse(new TextDecoder().decode(event.chunk${ts ? '!' : ''}.bytes));
    if (json.type === 'content_block_delta' && json.delta.type === 'text_delta') {
      text += json.delta.text;
      onText(json.delta.text);
    }
  }
  return text;
}
`;
}

function anthropicBedrock(r, { noun }) {
  const model = r.pick(['claude-3-5-sonnet-20241022', 'anthropic.claude-3-haiku-20240307-v1:0', 'claude-3-7-sonnet-20250219']);
  return `import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';

const anthropic = new AnthropicBedrock({ awsRegion: 'us-west-2' });

export async function ${camel('classify', noun)}(ticket: string): Promise<string> {
  const message = await anthropic.messages.create({
    model: '${model}',
    max_tokens: ${r.int(10, 60)},
    system: 'Answer with one word: billing, bug or other.',
    messages: [{ role: 'user', content: ticket }],
  });
  const block = message.content[0];
  return block.type === 'text' ? block.text.trim().toLowerCase() : 'other';
}
`;
}

function textEditorRoute(r, { noun }) {
  return `import express from 'express';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const EDITOR_TOOL_NAME = 'str_replace_editor';
const EDITOR_TOOL_TYPE = 'text_editor_20250124';

const bedrock = new BedrockRuntimeClient({ region: '${r.pick(['eu-west-1', 'us-east-1', 'ap-northeast-1'])}' });
export const ${camel(noun, 'agent')} = express.Router();

interface ContentBlock {
  type: string;
  name?: string;
  text?: string;
}

${camel(noun, 'agent')}.post('/${noun}/agent/step', async (req, res) => {
  const command = new InvokeModelCommand({
    modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 1024,
      tools: [{ type: EDITOR_TOOL_TYPE, name: EDITOR_TOOL_NAME }],
      messages: req.body.messages,
    }),
  });
  const output = await bedrock.send(command);
  const parsed = JSON.parse(new TextDecoder().decode(output.body)) as { content: ContentBlock[] };
  const calls = parsed.content.filter((block) => block.type === 'tool_use');
  for (const call of calls) {
    switch (call.name) {
      case EDITOR_TOOL_NAME:
        res.locals.edits = (res.locals.edits ?? 0) + 1;
        break;
      default:
        res.status(400).json({ error: \`unexpected tool \${call.name}\` });
        return;
    }
  }
  res.json(parsed);
});
`;
}

function converseStopReason(r, { noun }) {
  return `import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({});

export async function ${camel('draft', noun, 'reply')}(prompt: string): Promise<string> {
  const out = await client.send(
    new ConverseCommand({
      modelId: '${r.pick(LEGACY_IDS)}',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: ${r.int(2, 8) * 100} },
    }),
  );
  switch (out.stopReason) {
    case 'max_tokens':
      throw new Error('${noun} reply too long');
    case 'end_turn':
    default:
      return out.output?.message?.content?.[0]?.text ?? '';
  }
}
`;
}

/** Shapes of real callers, with their weight and the extension family they use. */
const CALLERS = [
  { name: 'invoke', weight: 3, make: invokeMessages, langs: ['ts', 'js', 'mjs'] },
  { name: 'lambda-cjs', weight: 2, make: lambdaCjs, langs: ['cjs'] },
  { name: 'stream', weight: 2, make: stream, langs: ['ts', 'js'] },
  { name: 'anthropic-bedrock', weight: 2, make: anthropicBedrock, langs: ['ts'] },
  { name: 'text-editor', weight: 1, make: textEditorRoute, langs: ['ts'] },
  { name: 'converse-stop-reason', weight: 1, make: converseStopReason, langs: ['ts'] },
];

/** Model IDs in config files. */
const CONFIGS = [
  { name: 'env', file: '.env', make: (r) => `PORT=8080\nLOG_LEVEL=info\nBEDROCK_MODEL_ID=${r.pick(LEGACY_IDS)}\nAWS_REGION=us-east-1\n` },
  { name: 'json', file: 'llm.config.json', make: (r) => `${JSON.stringify({ region: 'us-east-1', modelId: r.pick(LEGACY_IDS), maxTokens: 1024, retries: 2 }, null, 2)}\n` },
  { name: 'yaml', file: 'bedrock.yaml', make: (r) => `assistant:\n  model_id: ${r.pick(LEGACY_IDS)}\n  max_tokens: 2048\n  temperature: 0.2\n` },
];

// Decoys: nothing here calls Claude on Bedrock.
const DECOYS = [
  // A media player whose state has a stopReason field.
  (r, { noun, ts }) => `${ts ? "export type StopReason = 'ended' | 'paused' | 'error';\n\n" : ''}export function ${camel('describe', noun, 'stop')}(state${ts ? ': { stopReason: StopReason; position: number }' : ''}) {
  // stopReason comes from the <video> element events, not from any API.
  switch (state.stopReason) {
    case 'ended':
      return 'Finished';
    case 'paused':
      return \`Paused at \${Math.round(state.position)}s\`;
    default:
      return 'Playback error';
  }
}
`,
  // A people directory with someone named Claude.
  (r, { noun }) => `export const ${camel(noun, 'owners')} = [
  { name: 'Claude Monet', team: 'design', email: 'claude.monet@example.com' },
  { name: 'Ada Lovelace', team: 'platform', email: 'ada@example.com' },
];

export const findOwner = (email) => ${camel(noun, 'owners')}.find((o) => o.email === email);
`,
  // A comment about the provider the team evaluated, and the anthropic principle in a quiz.
  (r, { noun }) => `// We evaluated Anthropic's hosted API for ${noun} tagging in 2024; see ADR-0${r.int(10, 99)} (not used here).
// Our ML gateway exposes an InvokeModel-like endpoint, but it is our own service.
export async function ${camel('tag', noun)}(text: string, gateway: { call(path: string, body: unknown): Promise<{ tags: string[] }> }) {
  const { tags } = await gateway.call('/v1/invoke-model', { text, model: 'internal-tagger-v3' });
  return tags.filter((t) => t.length > 2);
}

export const QUIZ = { question: 'What does the anthropic principle state?', answers: ['A', 'B', 'C'] };
`,
  // Test of a chat widget mentioning claude in copy only.
  (r, { noun }) => `import { describe, expect, it } from 'vitest';
import { renderGreeting } from '../${noun}-greeting';

describe('greeting', () => {
  it('names the assistant in the copy', () => {
    expect(renderGreeting('Claude')).toContain('Hello from Claude');
  });
});
`,
];

module.exports = { CALLERS, CONFIGS, DECOYS, LEGACY_IDS };
