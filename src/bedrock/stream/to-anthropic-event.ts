/**
 * The boundary where code forwards a whole Anthropic stream event it received for one kind of delta
 * (`if (chunk.delta.type === 'text_delta') res.write(`data: ${JSON.stringify(chunk)}\n\n`)`): the consumer
 * (a browser, another module) reads Anthropic events, so the ConverseStream delta is turned back into the
 * very event it stands for, field for field and in the same key order (reference §4a/§4b):
 *
 *   contentBlockDelta { contentBlockIndex, delta: { text } }
 *     → { type: 'content_block_delta', index, delta: { type: 'text_delta', text } }
 *   … delta.toolUse.input → input_json_delta.partial_json; reasoningContent.text → thinking_delta.thinking;
 *   reasoningContent.signature → signature_delta.signature.
 *
 * Only deltas are converted: other events carry fields ConverseStream does not have (`message.id`,
 * `model`, `stop_sequence`), so forwarding them keeps the call.
 */
import type { CodemodContext } from '../../engine/types';
import type { AnyNode } from '../../ast/bedrock';
import { ensureBoundaryHelper } from '../boundary/insert';

export const DELTA_EVENT_HELPER = 'toAnthropicDeltaEvent';

function source(name: string, eventType: string | undefined): string {
  const param = eventType ? `event: ${eventType}` : 'event';
  return `/** A ConverseStream content-block delta → the Anthropic \`content_block_delta\` event it stands for (the same JSON). */
function ${name}(${param}) {
  const index = event.contentBlockIndex;
  const delta = event.delta;
  if (delta?.text !== undefined) return { type: "content_block_delta", index, delta: { type: "text_delta", text: delta.text } };
  if (delta?.toolUse) return { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: delta.toolUse.input } };
  if (delta?.reasoningContent?.text !== undefined) {
    return { type: "content_block_delta", index, delta: { type: "thinking_delta", thinking: delta.reasoningContent.text } };
  }
  if (delta?.reasoningContent?.signature !== undefined) {
    return { type: "content_block_delta", index, delta: { type: "signature_delta", signature: delta.reasoningContent.signature } };
  }
  throw new Error("This ConverseStream delta has no Anthropic content_block_delta counterpart");
}`;
}

/** Writes the helper once per file; returns its name. `typeRef` gives the SDK type in TypeScript files. */
export function ensureDeltaEventHelper(ctx: CodemodContext, ts: boolean, typeRef?: (name: string) => AnyNode | undefined): string {
  let eventType: string | undefined;
  if (ts) {
    const ref: AnyNode = typeRef?.('ContentBlockDeltaEvent');
    if (ref?.type === 'Identifier') eventType = ref.name;
    else if (ref?.type === 'TSQualifiedName') eventType = `${ref.left.name}.${ref.right.name}`;
    else if (ref?.type === 'MemberExpression') eventType = `${ref.object.name}.${ref.property.name}`;
  }
  return ensureBoundaryHelper(ctx, DELTA_EVENT_HELPER, (name) => source(name, eventType));
}
