/**
 * The mapping table of an Anthropic Messages body (reference §3a): each field to its Converse place —
 * `messages`, `system`, `inferenceConfig` (sampling), `toolConfig` (tools, tool choice) and
 * `additionalModelRequestFields` — or the reason it has none.
 */
import { makeProperty, type AnyNode } from '../../ast/bedrock';
import { mapMessages } from './messages';
import { type Entry, type RequestBuilder } from './state';
import { mapSystem } from './system';
import { textCompletionProperties } from './text-completion';
import { mapToolChoice } from './tool-choice';
import { mapTools } from './tools';
import { block } from '../result';
import { ADDITIONAL, SAMPLING } from '../vocabulary';

/** The body entries → the Converse input properties (messages, system, inferenceConfig, toolConfig, additionalModelRequestFields). */
export function converseProperties(b: RequestBuilder, entries: Entry[]): AnyNode[] {
  const j = b.j;
  const seen = new Map<string, AnyNode>();
  for (const e of entries) seen.set(e.name, e.value); // later wins, as in JS
  const inference: AnyNode[] = [];
  const additional: AnyNode[] = [];
  let messages: AnyNode | undefined;
  let system: AnyNode | undefined;
  let tools: AnyNode | undefined;
  let toolChoice: AnyNode | undefined;
  if (seen.has('prompt')) return textCompletionProperties(b, seen);
  // Fields with no Converse slot first, then tool_choice before tools: the marker names the hard blocker.
  const known = new Set([...Object.keys(SAMPLING), ...ADDITIONAL, 'anthropic_version', 'messages', 'system', 'tools', 'tool_choice']);
  for (const name of seen.keys()) {
    if (name === 'model' || name === 'stream') block(`body field "${name}" is not valid for InvokeModel`);
    if (!known.has(name)) block(`body field "${name}" has no Converse equivalent`);
  }
  const rank = (name: string) => (name === 'tool_choice' ? 0 : name === 'tools' ? 1 : 2);
  const ordered = [...seen.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
  for (const [name, value] of ordered) {
    if (name === 'tool_choice') toolChoice = mapToolChoice(b, value);
    else if (name === 'tools') tools = mapTools(b, value);
    else if (name === 'messages') messages = mapMessages(b, value);
    else if (name === 'system') system = mapSystem(b, value);
  }
  for (const [name, value] of seen) {
    if (name === 'anthropic_version') continue;
    if (name in SAMPLING) inference.push(makeProperty(j, SAMPLING[name], value));
    else if (ADDITIONAL.has(name)) additional.push(makeProperty(j, name, value));
  }
  if (!messages) block('body has no messages');
  if (toolChoice && !tools) block('tool_choice without tools');
  if (b.toolBlocks && !tools) block('messages carry tool_use/tool_result blocks but the request has no tools (Converse requires toolConfig)');
  const props: AnyNode[] = [makeProperty(j, 'messages', messages)];
  if (system) props.push(makeProperty(j, 'system', system));
  if (inference.length) props.push(makeProperty(j, 'inferenceConfig', j.objectExpression(inference)));
  if (tools) {
    b.hasTools = true;
    const config = [makeProperty(j, 'tools', tools)];
    if (toolChoice) config.push(makeProperty(j, 'toolChoice', toolChoice));
    props.push(makeProperty(j, 'toolConfig', j.objectExpression(config)));
  }
  if (additional.length) props.push(makeProperty(j, 'additionalModelRequestFields', j.objectExpression(additional)));
  return props;
}
