/**
 * The two stream vocabularies, side by side (API reference §4a and §4b).
 *
 * An InvokeModelWithResponseStream chunk carries one Anthropic stream event; the code branches on its
 * `type` (and `delta.type`, `content_block.type`). Each combination is a "cell". A ConverseStream event
 * carries one member (`contentBlockDelta`, `messageStop`, `metadata`, …). A set of cells that code handles
 * together maps to one ConverseStream test ("branch"), and the fields read there map to ConverseStream
 * fields — only where the value is the same.
 */
import { CONVERSE_STOP_REASONS as CONVERSE_STOP_REASON_LIST } from '../../models/stop-reasons';

export const CELLS = [
  'message_start',
  'content_block_start:text',
  'content_block_start:tool_use',
  'content_block_start:thinking',
  'content_block_start:redacted_thinking',
  'content_block_delta:text_delta',
  'content_block_delta:input_json_delta',
  'content_block_delta:thinking_delta',
  'content_block_delta:signature_delta',
  'content_block_delta:citations_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
] as const;
export type Cell = (typeof CELLS)[number];

const cellsWith = (prefix: string): Cell[] => CELLS.filter((c) => c === prefix || c.startsWith(`${prefix}:`));

/** What a test on each discriminant selects: `chunk.type`, `chunk.delta.type`, `chunk.content_block.type`. */
export const DISCRIMINANTS: Record<string, Record<string, Cell[]>> = {
  type: {
    message_start: ['message_start'],
    content_block_start: cellsWith('content_block_start'),
    content_block_delta: cellsWith('content_block_delta'),
    content_block_stop: ['content_block_stop'],
    message_delta: ['message_delta'],
    message_stop: ['message_stop'],
  },
  'delta.type': {
    text_delta: ['content_block_delta:text_delta'],
    input_json_delta: ['content_block_delta:input_json_delta'],
    thinking_delta: ['content_block_delta:thinking_delta'],
    signature_delta: ['content_block_delta:signature_delta'],
    citations_delta: ['content_block_delta:citations_delta'],
  },
  'content_block.type': {
    text: ['content_block_start:text'],
    tool_use: ['content_block_start:tool_use'],
    thinking: ['content_block_start:thinking'],
    redacted_thinking: ['content_block_start:redacted_thinking'],
  },
};

/** A set of Anthropic cells that has one ConverseStream counterpart. */
export type Group =
  | 'text'
  | 'textTruthy'
  | 'toolJson'
  | 'thinking'
  | 'signature'
  | 'deltaAny'
  | 'toolStart'
  | 'blockStop'
  | 'messageStart'
  | 'messageDelta'
  | 'messageStopEvent';

/** The ConverseStream branches the rewritten loop is made of. */
export type Branch = Exclude<Group, 'messageDelta' | 'messageStopEvent'> | 'messageStop' | 'metadata';

const GROUP_CELLS: Array<[Exclude<Group, 'textTruthy'>, Cell[]]> = [
  ['text', ['content_block_delta:text_delta']],
  ['toolJson', ['content_block_delta:input_json_delta']],
  ['thinking', ['content_block_delta:thinking_delta']],
  ['signature', ['content_block_delta:signature_delta']],
  ['deltaAny', cellsWith('content_block_delta')],
  ['toolStart', ['content_block_start:tool_use']],
  ['blockStop', ['content_block_stop']],
  ['messageStart', ['message_start']],
  ['messageDelta', ['message_delta']],
  ['messageStopEvent', ['message_stop']],
];

export function groupOf(cells: ReadonlySet<Cell>): Exclude<Group, 'textTruthy'> | undefined {
  for (const [group, list] of GROUP_CELLS) {
    if (list.length === cells.size && list.every((c) => cells.has(c))) return group;
  }
  return undefined;
}

/**
 * A field read: where it is on the ConverseStream event (path notation of `buildChain`: `?x` reads with
 * `?.`, `x!` asserts non-null in TypeScript, where the Anthropic JSON was untyped and the SDK types say
 * `| undefined` for fields the protocol always sends), and whether it only arrives later, in `metadata`.
 */
export interface FieldMap {
  to: string;
  /** The value arrives in the final `metadata` event rather than with the event that carried it. */
  late?: boolean;
}

/**
 * Anthropic's `index` and ConverseStream's `contentBlockIndex` are both "the index of the content block" in
 * the message (ANT-SDK / AWS-SDK doc comments). That they number blocks the same way (thinking, text and
 * tool-use blocks alike) is not stated in the API reference: [uncertain], relied on by loops that pair
 * tool-use starts, deltas and stops by index.
 */
const INDEX = (member: string): FieldMap => ({ to: `${member}.contentBlockIndex!` });

/**
 * Per group, the Anthropic fields (dotted, from the chunk) that have the same value on ConverseStream.
 * Fields not listed have no proven counterpart: a loop that reads them stays as it is.
 * - `message_start.message.usage.input_tokens` and the Bedrock invocation metrics' token counts are the
 *   same counts Converse reports in `metadata.usage` (§3b, §4b), but they arrive with the last event.
 * - `message_delta.usage.output_tokens` is cumulative, so its last value is the total that Converse
 *   reports in `metadata.usage.outputTokens`.
 * - Latencies (`invocationLatency`, `firstByteLatency` vs `metrics.latencyMs`), `stop_sequence`, block
 *   `input` at start, message `id`/`model` and cache counters (absent vs 0) are not proven equal.
 */
export const FIELDS: Record<Group, Record<string, FieldMap>> = {
  text: { 'delta.text': { to: 'contentBlockDelta.delta.text' }, index: INDEX('contentBlockDelta') },
  textTruthy: { 'delta.text': { to: 'contentBlockDelta.delta.text' }, index: INDEX('contentBlockDelta') },
  toolJson: { 'delta.partial_json': { to: 'contentBlockDelta.delta.toolUse.input!' }, index: INDEX('contentBlockDelta') },
  thinking: { 'delta.thinking': { to: 'contentBlockDelta.delta.reasoningContent.text' }, index: INDEX('contentBlockDelta') },
  signature: {
    'delta.signature': { to: 'contentBlockDelta.delta.reasoningContent.signature' },
    index: INDEX('contentBlockDelta'),
  },
  // Any content block delta: a field is present on exactly the same deltas on both sides.
  deltaAny: {
    'delta.text': { to: 'contentBlockDelta.delta!.text!' },
    'delta.partial_json': { to: 'contentBlockDelta.delta!.toolUse.?input!' },
    'delta.thinking': { to: 'contentBlockDelta.delta!.reasoningContent.?text!' },
    index: INDEX('contentBlockDelta'),
  },
  toolStart: {
    'content_block.id': { to: 'contentBlockStart.start.toolUse.toolUseId!' },
    'content_block.name': { to: 'contentBlockStart.start.toolUse.name!' },
    index: INDEX('contentBlockStart'),
  },
  blockStop: { index: INDEX('contentBlockStop') },
  messageStart: {
    'message.role': { to: 'messageStart.role!' },
    'message.usage.input_tokens': { to: 'metadata.usage!.inputTokens!', late: true },
  },
  messageDelta: {
    'delta.stop_reason': { to: 'messageStop.stopReason!' },
    'usage.output_tokens': { to: 'metadata.usage!.outputTokens!', late: true },
  },
  messageStopEvent: {
    'amazon-bedrock-invocationMetrics.inputTokenCount': { to: 'metadata.usage!.inputTokens!', late: true },
    'amazon-bedrock-invocationMetrics.outputTokenCount': { to: 'metadata.usage!.outputTokens!', late: true },
  },
};

/**
 * The test of each ConverseStream branch (path notation; `!== undefined` where the member may be an
 * empty string, so an empty delta still runs the branch as it did before).
 */
export const BRANCH_TESTS: Record<Branch, { path: string; defined?: boolean }> = {
  // Listed in the order ConverseStream sends the events (the rewritten branches follow it).
  messageStart: { path: 'messageStart' },
  toolStart: { path: 'contentBlockStart.?start.?toolUse' },
  text: { path: 'contentBlockDelta.?delta.?text', defined: true },
  textTruthy: { path: 'contentBlockDelta.?delta.?text' },
  toolJson: { path: 'contentBlockDelta.?delta.?toolUse' },
  thinking: { path: 'contentBlockDelta.?delta.?reasoningContent.?text', defined: true },
  signature: { path: 'contentBlockDelta.?delta.?reasoningContent.?signature', defined: true },
  deltaAny: { path: 'contentBlockDelta' },
  blockStop: { path: 'contentBlockStop' },
  messageStop: { path: 'messageStop' },
  metadata: { path: 'metadata' },
};

/**
 * Converse `StopReason` members (§2e). `end_turn`, `max_tokens`, `stop_sequence`, `tool_use` and
 * `model_context_window_exceeded` are the same strings as Anthropic's (§3b); `refusal` and `pause_turn` are
 * not members, so code comparing the stop reason with them cannot be carried over as it is (§5).
 */
export const CONVERSE_STOP_REASONS: ReadonlySet<string> = new Set(CONVERSE_STOP_REASON_LIST);

/** Stream error members present on both streams: their handling is kept as it is. */
export const SHARED_ERROR_MEMBERS = new Set([
  'internalServerException',
  'modelStreamErrorException',
  'validationException',
  'throttlingException',
  'serviceUnavailableException',
]);
/** InvokeModelWithResponseStream only (§4b: ConverseStream has no such member). */
export const INVOKE_ONLY_ERROR_MEMBERS = new Set(['modelTimeoutException']);
