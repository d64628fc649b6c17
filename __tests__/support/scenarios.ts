/**
 * Canned model answers for the stub Bedrock server.
 *
 * A scenario is a list of turns. Each request the stub receives consumes the next turn; once the list is
 * exhausted the last turn answers every further request. One turn describes ONE model answer in an
 * API-neutral way; the stub renders it as an InvokeModel body, a Converse output, an InvokeModel event
 * stream or a ConverseStream, so every API sees the same answer.
 *
 * Facts used here come from shared/reference/bedrock-claude-api.md (§1c response body, §2d Converse output,
 * §3b response mapping, §4 streaming, §5 refusal).
 */

/** One content block of a model answer, in Anthropic Messages terms. */
export type TurnBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown }
  | { type: 'thinking'; thinking: string; signature: string }
  /** `data` is the opaque redacted payload, given as base64 (Converse carries it as bytes; see §3a [uncertain]). */
  | { type: 'redacted_thinking'; data: string };

export interface TurnUsage {
  inputTokens: number;
  outputTokens: number;
  /** Anthropic `cache_read_input_tokens` / Converse `cacheReadInputTokens`. */
  cacheReadInputTokens?: number;
  /** Anthropic `cache_creation_input_tokens` / Converse `cacheWriteInputTokens`. */
  cacheWriteInputTokens?: number;
}

/** An error answer (HTTP error with an AWS error type), the same for every API. */
export interface TurnError {
  /** AWS error shape name, e.g. `ValidationException`, `AccessDeniedException`. */
  type: string;
  status: number;
  message: string;
}

export interface Turn {
  content: TurnBlock[];
  /** Anthropic `stop_reason` (InvokeModel, Anthropic streams). */
  stopReason: string;
  /**
   * Converse `stopReason`. Defaults to `stopReason`: end_turn, max_tokens, stop_sequence, tool_use and
   * model_context_window_exceeded are the same string in both APIs (§3b).
   */
  converseStopReason?: string;
  /** Anthropic `stop_sequence` (which sequence fired), for stop_reason `stop_sequence`. */
  stopSequence?: string | null;
  /**
   * Anthropic `stop_details` (§1c: `{type:'refusal', category, explanation}`), rendered only when set: whether
   * Bedrock InvokeModel returns it is [uncertain].
   */
  stopDetails?: unknown;
  usage: TurnUsage;
  latencyMs?: number;
  /** When set, every API answers with this error instead of a message. */
  error?: TurnError;
  /**
   * Streams only: after the first delta of the first content block, the stream ends with this exception
   * event (e.g. `modelStreamErrorException`, `throttlingException`; §4a/§4b member names). Non-streaming
   * operations answer the turn normally.
   */
  streamError?: { type: string; message: string };
}

export interface Scenario {
  name: string;
  turns: Turn[];
}

/** What a `.run.json` may give as `scenario`: a name, one inline turn, or inline turns. */
export type ScenarioSpec = string | Partial<Turn> | Array<Partial<Turn>>;

export const MODEL_ID_IN_ANSWERS = 'claude-stub';

const usage = (inputTokens: number, outputTokens: number): TurnUsage => ({ inputTokens, outputTokens });

const SCENARIOS: Record<string, Turn[]> = {
  text: [
    {
      content: [{ type: 'text', text: 'Hello! The capital of France is Paris.' }],
      stopReason: 'end_turn',
      usage: usage(25, 12),
    },
  ],
  text_multi_block: [
    {
      content: [
        { type: 'text', text: 'First part of the answer.' },
        { type: 'text', text: ' Second part, continued.' },
      ],
      stopReason: 'end_turn',
      usage: usage(30, 14),
    },
  ],
  tool_use: [
    {
      content: [
        { type: 'text', text: 'Let me look up the weather.' },
        {
          type: 'tool_use',
          id: 'toolu_bdrk_01A2B3C4D5E6F7G8H9J0K1L2',
          name: 'get_weather',
          input: { location: 'Seattle, WA', unit: 'celsius' },
        },
      ],
      stopReason: 'tool_use',
      usage: usage(310, 64),
    },
    {
      content: [{ type: 'text', text: 'It is 12 degrees and raining in Seattle.' }],
      stopReason: 'end_turn',
      usage: usage(420, 18),
    },
  ],
  /** Two tool calls in one answer, then a final answer. */
  tool_use_parallel: [
    {
      content: [
        { type: 'tool_use', id: 'toolu_bdrk_01PAR1', name: 'get_weather', input: { location: 'Paris' } },
        { type: 'tool_use', id: 'toolu_bdrk_01PAR2', name: 'get_time', input: { timezone: 'Europe/Paris' } },
      ],
      stopReason: 'tool_use',
      usage: usage(290, 80),
    },
    {
      content: [{ type: 'text', text: 'In Paris it is sunny and 14:05.' }],
      stopReason: 'end_turn',
      usage: usage(400, 15),
    },
  ],
  max_tokens: [
    {
      content: [{ type: 'text', text: 'This answer was cut off because it ran out of' }],
      stopReason: 'max_tokens',
      usage: usage(40, 10),
    },
  ],
  stop_sequence: [
    {
      content: [{ type: 'text', text: 'Step 1: gather the data.' }],
      stopReason: 'stop_sequence',
      stopSequence: 'END',
      usage: usage(33, 9),
    },
  ],
  /**
   * Claude 4 refusal (§5): a successful response with empty content. InvokeModel carries
   * `stop_reason: "refusal"`. What Converse returns is [uncertain] (§2e, §5): the SDK passes unknown strings
   * through, so by default the stub sends the raw string "refusal"; `refusal_content_filtered` sends
   * `content_filtered` instead.
   */
  refusal: [
    {
      content: [],
      stopReason: 'refusal',
      converseStopReason: 'refusal',
      usage: usage(28, 0),
    },
  ],
  refusal_content_filtered: [
    {
      content: [],
      stopReason: 'refusal',
      converseStopReason: 'content_filtered',
      usage: usage(28, 0),
    },
  ],
  /** A refusal whose InvokeModel body (and stream message_delta) also carries `stop_details` [uncertain on Bedrock]. */
  refusal_with_details: [
    {
      content: [],
      stopReason: 'refusal',
      converseStopReason: 'refusal',
      stopDetails: { type: 'refusal', category: 'cyber', explanation: null },
      usage: usage(28, 0),
    },
  ],
  /** A refusal after some output was already produced (§4a "refusal can arrive after partial output"). */
  refusal_partial: [
    {
      content: [{ type: 'text', text: 'Sure, here is how you' }],
      stopReason: 'refusal',
      converseStopReason: 'refusal',
      usage: usage(28, 6),
    },
  ],
  thinking: [
    {
      content: [
        { type: 'thinking', thinking: 'The user asks for 2+2. That is 4.', signature: 'c2lnbmF0dXJlLXN0dWI=' },
        { type: 'text', text: '2 + 2 = 4.' },
      ],
      stopReason: 'end_turn',
      usage: usage(50, 40),
    },
  ],
  cache_usage: [
    {
      content: [{ type: 'text', text: 'Answer using the cached context.' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 12, outputTokens: 7, cacheReadInputTokens: 1800, cacheWriteInputTokens: 250 },
    },
  ],
  /** Claude 4.5+ stop reason when input + max_tokens exceed the context window (§8); same string in both APIs. */
  context_window_exceeded: [
    {
      content: [{ type: 'text', text: 'The summary so far covers chapters one to' }],
      stopReason: 'model_context_window_exceeded',
      usage: usage(199_000, 1000),
    },
  ],
  redacted_thinking: [
    {
      content: [
        { type: 'redacted_thinking', data: 'ZW5jcnlwdGVkLXJlYXNvbmluZw==' },
        { type: 'text', text: 'Here is my answer.' },
      ],
      stopReason: 'end_turn',
      usage: usage(60, 30),
    },
  ],
  /** Thinking, then a tool call (the assistant turn must be passed back with its thinking block), then text. */
  thinking_tool_use: [
    {
      content: [
        { type: 'thinking', thinking: 'I need the weather first.', signature: 'c2lnLXRvb2w=' },
        { type: 'tool_use', id: 'toolu_bdrk_01THINK', name: 'get_weather', input: { location: 'Oslo' } },
      ],
      stopReason: 'tool_use',
      usage: usage(300, 70),
    },
    {
      content: [{ type: 'text', text: 'Oslo is cold today.' }],
      stopReason: 'end_turn',
      usage: usage(420, 12),
    },
  ],
  /** The stream breaks after the first delta with a modelStreamErrorException (streams only). */
  stream_error: [
    {
      content: [{ type: 'text', text: 'This stream will break after a few words.' }],
      stopReason: 'end_turn',
      usage: usage(20, 9),
      streamError: { type: 'modelStreamErrorException', message: 'The model stream was interrupted.' },
    },
  ],
  /**
   * A retryable throttling error on every attempt. The SDKs retry with back-off (each attempt consumes a
   * turn; the last turn repeats), so this scenario is slower than the others.
   */
  throttling: [
    {
      content: [],
      stopReason: 'end_turn',
      usage: usage(0, 0),
      error: { type: 'ThrottlingException', status: 429, message: 'Too many requests, please wait before trying again.' },
    },
  ],
  /** A non-retryable service error, the same for every API. */
  validation_error: [
    {
      content: [],
      stopReason: 'end_turn',
      usage: usage(0, 0),
      error: { type: 'ValidationException', status: 400, message: 'Malformed input request, please reformat.' },
    },
  ],
  access_denied: [
    {
      content: [],
      stopReason: 'end_turn',
      usage: usage(0, 0),
      error: {
        type: 'AccessDeniedException',
        status: 403,
        message: "You don't have access to the model with the specified model ID.",
      },
    },
  ],
};

export function scenarioNames(): string[] {
  return Object.keys(SCENARIOS);
}

function completeTurn(partial: Partial<Turn>, where: string): Turn {
  if (!Array.isArray(partial.content) && !partial.error) {
    throw new Error(`${where}: an inline turn needs "content" (an array of blocks) or "error"`);
  }
  return {
    content: partial.content ?? [],
    stopReason: partial.stopReason ?? (partial.content?.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn'),
    converseStopReason: partial.converseStopReason,
    stopSequence: partial.stopSequence,
    stopDetails: partial.stopDetails,
    usage: partial.usage ?? usage(10, 10),
    latencyMs: partial.latencyMs,
    error: partial.error,
    streamError: partial.streamError,
  };
}

/**
 * Resolves a scenario given by name or inline. Inline turns may also reference named scenarios: a string
 * element in the list splices in that scenario's turns (e.g. `["tool_use", {...}]`).
 */
export function resolveScenario(spec: ScenarioSpec | Array<string | Partial<Turn>>): Scenario {
  if (typeof spec === 'string') {
    const turns = SCENARIOS[spec];
    if (!turns) {
      throw new Error(`Unknown scenario "${spec}". Known: ${scenarioNames().join(', ')}`);
    }
    return { name: spec, turns: structuredClone(turns) };
  }
  const list = Array.isArray(spec) ? spec : [spec];
  if (list.length === 0) throw new Error('A scenario needs at least one turn');
  const turns: Turn[] = [];
  list.forEach((item, i) => {
    if (typeof item === 'string') turns.push(...resolveScenario(item).turns);
    else turns.push(completeTurn(item, `turn ${i}`));
  });
  return { name: 'inline', turns };
}
