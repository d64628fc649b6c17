/**
 * Non-Claude model families for the stub Bedrock server: InvokeModel and InvokeModelWithResponseStream
 * answers for Amazon Titan Text, Meta Llama and Mistral bodies, so gateway code (one send serving several
 * families) runs against the stub for every family it serves, and a test can assert that a non-Claude call
 * went out unchanged.
 *
 * Shapes are the model families' own InvokeModel formats as the AWS Bedrock User Guide describes them
 * (model-parameters-titan-text, model-parameters-meta, model-parameters-mistral-text-completion):
 *   Titan   request  { inputText, textGenerationConfig?: { temperature, topP, maxTokenCount, stopSequences } }
 *           response { inputTextTokenCount, results: [{ tokenCount, outputText, completionReason }] }
 *           stream   chunks { outputText, index, totalOutputTextTokenCount, completionReason, inputTextTokenCount }
 *   Llama   request  { prompt, temperature?, top_p?, max_gen_len? }
 *           response { generation, prompt_token_count, generation_token_count, stop_reason }
 *   Mistral request  { prompt, max_tokens?, temperature?, top_p?, top_k?, stop? }
 *           response { outputs: [{ text, stop_reason }] }
 * [uncertain] The stream chunk fields per family and where Bedrock puts `amazon-bedrock-invocationMetrics` in
 * them were not checked against a live call; the stub puts the metrics on the last chunk, as for Claude.
 * The answer text is the scenario turn's text, so a Claude call and a non-Claude call in one run see the same words.
 */
import { parseModelId } from '../../src/models/ids';
import type { Turn } from './scenarios';

export type NonClaudeFamily = 'titan' | 'llama' | 'mistral';

const FAMILY_PREFIXES: Array<[string, NonClaudeFamily]> = [
  ['amazon.titan-text', 'titan'],
  ['amazon.titan-tg1', 'titan'],
  ['meta.llama', 'llama'],
  ['mistral.', 'mistral'],
];

/** The base model ID inside a base ID, an inference-profile ID or a foundation-model / profile ARN. */
function baseModelId(modelId: string): string {
  const afterSlash = modelId.includes('/') ? modelId.slice(modelId.lastIndexOf('/') + 1) : modelId;
  const prefixed = /^(?:global|us|eu|jp|apac|au|us-gov|ca)\.(.+)$/.exec(afterSlash);
  return prefixed ? prefixed[1]! : afterSlash;
}

/** The non-Claude family a model ID names, or undefined (Claude, or a family the stub does not serve). */
export function nonClaudeFamily(modelId: string): NonClaudeFamily | undefined {
  if (parseModelId(modelId)) return undefined;
  const base = baseModelId(modelId);
  return FAMILY_PREFIXES.find(([prefix]) => base.startsWith(prefix))?.[1];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** What Bedrock would refuse for this family's body (the stub's wording), else undefined. */
export function validateFamilyRequest(family: NonClaudeFamily, body: unknown): string | undefined {
  if (!isObject(body)) return 'Malformed input request: body is not a JSON object';
  if (family === 'titan') {
    if (typeof body.inputText !== 'string') return 'Malformed input request: #: required key [inputText] not found';
    const extra = Object.keys(body).filter((k) => k !== 'inputText' && k !== 'textGenerationConfig');
    if (extra.length) return `Malformed input request: #: extraneous key [${extra[0]}] is not permitted`;
    return undefined;
  }
  if (typeof body.prompt !== 'string') return 'Malformed input request: #: required key [prompt] not found';
  if ('messages' in body || 'anthropic_version' in body) {
    return 'Malformed input request: #: extraneous key [messages/anthropic_version] is not permitted';
  }
  return undefined;
}

function turnText(turn: Turn): string {
  return turn.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
}

const stoppedByLength = (turn: Turn): boolean => turn.stopReason === 'max_tokens';

/** The InvokeModel response body for a non-Claude family. */
export function renderFamilyInvokeBody(family: NonClaudeFamily, turn: Turn): unknown {
  const text = turnText(turn);
  switch (family) {
    case 'titan':
      return {
        inputTextTokenCount: turn.usage.inputTokens,
        results: [{ tokenCount: turn.usage.outputTokens, outputText: text, completionReason: stoppedByLength(turn) ? 'LENGTH' : 'FINISHED' }],
      };
    case 'llama':
      return {
        generation: text,
        prompt_token_count: turn.usage.inputTokens,
        generation_token_count: turn.usage.outputTokens,
        stop_reason: stoppedByLength(turn) ? 'length' : 'stop',
      };
    case 'mistral':
      return { outputs: [{ text, stop_reason: stoppedByLength(turn) ? 'length' : 'stop' }] };
  }
}

function pieces(text: string): string[] {
  if (text === '') return [''];
  const words = text.match(/\S+\s*|\s+/g) ?? [text];
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 3) out.push(words.slice(i, i + 3).join(''));
  return out;
}

/** The InvokeModelWithResponseStream chunk payloads (decoded JSON) for a non-Claude family. */
export function renderFamilyStreamChunks(family: NonClaudeFamily, turn: Turn): unknown[] {
  const parts = pieces(turnText(turn));
  const last = parts.length - 1;
  const metrics = {
    inputTokenCount: turn.usage.inputTokens,
    outputTokenCount: turn.usage.outputTokens,
    invocationLatency: turn.latencyMs ?? 321,
    firstByteLatency: 123,
  };
  return parts.map((text, index) => {
    const end = index === last;
    const withMetrics = (chunk: Record<string, unknown>): Record<string, unknown> =>
      end ? { ...chunk, 'amazon-bedrock-invocationMetrics': metrics } : chunk;
    switch (family) {
      case 'titan':
        return withMetrics({
          outputText: text,
          index,
          totalOutputTextTokenCount: end ? turn.usage.outputTokens : null,
          completionReason: end ? (stoppedByLength(turn) ? 'LENGTH' : 'FINISHED') : null,
          inputTextTokenCount: index === 0 ? turn.usage.inputTokens : null,
        });
      case 'llama':
        return withMetrics({
          generation: text,
          prompt_token_count: index === 0 ? turn.usage.inputTokens : null,
          generation_token_count: end ? turn.usage.outputTokens : index + 1,
          stop_reason: end ? (stoppedByLength(turn) ? 'length' : 'stop') : null,
        });
      case 'mistral':
        return withMetrics({ outputs: [{ text, stop_reason: end ? (stoppedByLength(turn) ? 'length' : 'stop') : null }] });
    }
  });
}
