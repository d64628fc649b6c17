/**
 * What the target model rejects (fact sheet §8), enforced by the stub Bedrock server like Bedrock does: a
 * request that breaks one of these rules gets HTTP 400 ValidationException. The rules are the ones the
 * codemods consult (src/models/rules.ts), read here from the request as it went over the wire, for both
 * InvokeModel bodies (Anthropic Messages) and Converse requests (inferenceConfig + additionalModelRequestFields).
 *
 * A request that turns thinking on also gets a reasoning block before the answer (see `withReasoning`), as
 * Claude answers with one.
 */
import { parseModelId } from '../../src/models';
import { INTERLEAVED_THINKING_BETA, MIN_THINKING_BUDGET, THINKING_MIN_TOP_P, rulesFor } from '../../src/models/rules';
import type { Turn } from './scenarios';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** The fields the rules look at, whichever API carried them. */
interface RuleView {
  temperature?: unknown;
  topP?: unknown;
  topK?: unknown;
  maxTokens?: unknown;
  thinking?: unknown;
  /** `any` / `tool` / `auto` / `none`, or undefined. */
  toolChoice?: string;
  betas: string[];
  messages: Array<{ role?: unknown; content?: unknown }>;
  /** Names of the sampling fields as the API spells them, for the messages. */
  names: { temperature: string; topP: string; topK: string };
}

function viewOf(operation: string, body: Json): RuleView {
  const messages = Array.isArray(body.messages) ? (body.messages as RuleView['messages']) : [];
  if (operation === 'InvokeModel' || operation === 'InvokeModelWithResponseStream') {
    const choice = isObject(body.tool_choice) ? String(body.tool_choice.type) : undefined;
    return {
      temperature: body.temperature,
      topP: body.top_p,
      topK: body.top_k,
      maxTokens: body.max_tokens,
      thinking: body.thinking,
      toolChoice: choice,
      betas: Array.isArray(body.anthropic_beta) ? body.anthropic_beta.map(String) : [],
      messages,
      names: { temperature: 'temperature', topP: 'top_p', topK: 'top_k' },
    };
  }
  const inference = isObject(body.inferenceConfig) ? body.inferenceConfig : {};
  const extra = isObject(body.additionalModelRequestFields) ? body.additionalModelRequestFields : {};
  const converseChoice = isObject(body.toolConfig) && isObject(body.toolConfig.toolChoice) ? Object.keys(body.toolConfig.toolChoice)[0] : undefined;
  const extraChoice = isObject(extra.tool_choice) ? String(extra.tool_choice.type) : undefined;
  return {
    temperature: inference.temperature,
    topP: inference.topP,
    topK: extra.top_k,
    maxTokens: inference.maxTokens,
    thinking: extra.thinking,
    toolChoice: converseChoice ?? extraChoice,
    betas: Array.isArray(extra.anthropic_beta) ? extra.anthropic_beta.map(String) : [],
    messages,
    names: { temperature: 'inferenceConfig.temperature', topP: 'inferenceConfig.topP', topK: 'additionalModelRequestFields.top_k' },
  };
}

/** The thinking type a request asks for (`enabled`, `adaptive`), or null when thinking is off. */
export function requestedThinking(operation: string, body: unknown): string | null {
  if (!isObject(body)) return null;
  const thinking = viewOf(operation, body).thinking;
  if (!isObject(thinking) || typeof thinking.type !== 'string' || thinking.type === 'disabled') return null;
  return thinking.type;
}

const blockType = (block: unknown): string | undefined => {
  if (!isObject(block)) return typeof block === 'string' ? 'text' : undefined;
  if (typeof block.type === 'string') return block.type;
  if ('reasoningContent' in block) return 'thinking';
  if ('toolUse' in block) return 'tool_use';
  if ('toolResult' in block) return 'tool_result';
  if ('text' in block) return 'text';
  return undefined;
};

/**
 * The 400 message Bedrock would give for this request on this model, or undefined. Unknown model IDs
 * (not Claude, or not in the catalog) are not checked.
 */
export function targetRuleViolation(operation: string, modelId: string, body: unknown): string | undefined {
  const model = parseModelId(modelId)?.model;
  if (!model || !isObject(body) || typeof body.prompt === 'string') return undefined;
  const rules = rulesFor(model);
  const v = viewOf(operation, body);
  const set = (x: unknown): boolean => x !== undefined && x !== null;
  const fail = (why: string): string => `${model.name} (${modelId}): ${why}`;

  // Sampling (§8).
  if (rules.sampling === 'none') {
    const nonDefault = [
      set(v.temperature) && v.temperature !== 1 ? v.names.temperature : null,
      set(v.topP) && v.topP !== 1 ? v.names.topP : null,
      set(v.topK) ? v.names.topK : null,
    ].filter(Boolean);
    if (nonDefault.length) return fail(`${nonDefault.join(', ')}: this model does not accept sampling parameters`);
  }
  if (rules.sampling === 'temperature-xor-top-p' && set(v.temperature) && set(v.topP)) {
    return fail(`${v.names.temperature} and ${v.names.topP} cannot both be specified for this model`);
  }

  // Thinking (§8).
  const thinking = isObject(v.thinking) ? v.thinking : undefined;
  const type = thinking && typeof thinking.type === 'string' ? thinking.type : undefined;
  if (thinking && (!type || !(rules.thinking as readonly string[]).includes(type))) {
    return fail(`thinking.type "${String(type)}" is not supported by this model (accepted: ${rules.thinking.join(', ') || 'none'})`);
  }
  const on = type === 'enabled' || type === 'adaptive';
  if (type === 'enabled') {
    const budget = thinking!.budget_tokens;
    if (typeof budget !== 'number' || budget < MIN_THINKING_BUDGET) {
      return fail(`thinking.budget_tokens: must be at least ${MIN_THINKING_BUDGET}`);
    }
    const interleaved = v.betas.includes(INTERLEAVED_THINKING_BETA);
    if (!interleaved && typeof v.maxTokens === 'number' && budget >= v.maxTokens) {
      return fail('max_tokens must be greater than thinking.budget_tokens');
    }
  }
  if (on) {
    if (set(v.temperature) && v.temperature !== 1) return fail(`${v.names.temperature} may only be set to 1 when thinking is enabled`);
    if (set(v.topK)) return fail(`${v.names.topK} is not supported when thinking is enabled`);
    if (typeof v.topP === 'number' && v.topP < THINKING_MIN_TOP_P) {
      return fail(`${v.names.topP} must be between ${THINKING_MIN_TOP_P} and 1 when thinking is enabled`);
    }
    if (v.toolChoice === 'any' || v.toolChoice === 'tool') {
      return fail('Thinking may not be enabled when tool_choice forces tool use.');
    }
  }

  // Assistant prefill (§8): the conversation must end with a user message.
  const last = v.messages[v.messages.length - 1];
  if (last?.role === 'assistant' && (rules.prefill === 'rejected' || on)) {
    return fail('This model does not support assistant message prefill. The conversation must end with a user message.');
  }

  // Thinking with tool use: the assistant turn that called the tools goes back with its reasoning block first.
  if (on) {
    const lastAssistant = [...v.messages].reverse().find((m) => m.role === 'assistant');
    const content = Array.isArray(lastAssistant?.content) ? lastAssistant!.content : [];
    const types = content.map(blockType);
    if (types.includes('tool_use') && types[0] !== 'thinking' && types[0] !== 'redacted_thinking') {
      return fail(
        `messages: Expected \`thinking\` or \`redacted_thinking\`, but found \`${types[0]}\`. When thinking is enabled, a final assistant message must start with a thinking block.`,
      );
    }
  }
  return undefined;
}

const STUB_REASONING = { type: 'thinking' as const, thinking: 'Let me think this through step by step.', signature: 'c3R1Yi1yZWFzb25pbmc=' };

/**
 * The turn as Claude answers a request with thinking on: a reasoning block before the first other block,
 * unless the turn already has one (or is empty, an error or a refusal without content).
 */
export function withReasoning(turn: Turn, operation: string, body: unknown): Turn {
  if (!requestedThinking(operation, body) || turn.error || turn.content.length === 0) return turn;
  if (turn.content.some((b) => b.type === 'thinking' || b.type === 'redacted_thinking')) return turn;
  return { ...turn, content: [STUB_REASONING, ...turn.content] };
}
