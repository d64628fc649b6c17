/**
 * Request side: an InvokeModel input `{ modelId, body, contentType, accept }` whose body is an Anthropic
 * Messages (or legacy Text Completions) JSON document → the Converse input
 * `{ modelId, messages, system, inferenceConfig, toolConfig, additionalModelRequestFields }`
 * (API reference §3a). Shared by invoke-to-converse and converse-stream (the stream input is the same).
 *
 * Public entry point (kept stable; new parameters are optional):
 *
 *   mapInvokeRequest(ctx, inputObjectPath, options?)
 *     → { ok: true, apply(): void, ... } | { ok: false, reason: string }
 *
 * - `ctx` is the codemod context; `inputObjectPath` is the ASTPath of the ObjectExpression passed to
 *   `InvokeModelCommand` / `InvokeModelWithResponseStreamCommand` / `client.invokeModel(...)`.
 * - The body is followed by body.ts; each concept maps in its own module: fields.ts (the table), system.ts,
 *   messages.ts, content.ts, tools.ts, tool-choice.ts, history.ts, text-completion.ts, boundary.ts.
 * - Nothing is changed until `apply()` is called. `apply()` recomputes the rewrite from the current tree,
 *   so other rewrites of inner expressions (for example of the response handling) may run before it.
 * - When a field cannot be mapped, `reason` names it (it becomes the marker text).
 * - Options (state.ts): `typeRef(name)` makes a runtime-module type reachable (adds `type Message` etc. to the
 *   import) and returns the node to use; TS files need it so that rewritten histories, tool arrays and helpers
 *   get their Converse types. `passThroughContent(prop)` accepts `content:` values that already are Converse
 *   blocks (the migrated response of the same call pushed back into its history).
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { type AnyNode, getProperty, invalidateReferenceIndex, isPlainProperty, keyName, makeProperty, staticString, unwrapExpression } from '../../ast/bedrock';
import { possibleValues } from '../flow/values';
import { jsonStringifyArg } from '../decode';
import { layoutObject, layoutProperties } from '../layout';
import { Unmappable, block } from '../result';
import { CONVERTIBLE_KEYS, INPUT_DROPPED } from '../vocabulary';
import { mapBody } from './body';
import { atBoundary, convertsAtBoundary } from './boundary';
import { type MapRequestOptions, RequestBuilder } from './state';

export type { MapRequestOptions } from './state';

export type MapRequestResult =
  | {
      ok: true;
      apply(): void;
      /** True when the request is a legacy Text Completions body (`prompt`). */
      textCompletion: boolean;
      /** True when the request carries a toolConfig. */
      hasTools: boolean;
    }
  | { ok: false; reason: string };


/** Everything one rewrite does; built fresh at analysis time and again at apply time. */
interface Plan {
  properties: AnyNode[];
  effects: Array<() => void>;
  /** Run after the input object is replaced (removing spread sources nothing refers to any more). */
  cleanups: Array<() => void>;
  textCompletion: boolean;
  hasTools: boolean;
  /** Leading comments of the input properties that go away, and the index of the property they move to. */
  carriedComments: AnyNode[];
  carryTo: number;
}

/** Plans the Converse rewrite of one InvokeModel input object; nothing changes before `apply()`. */
export function mapInvokeRequest(ctx: CodemodContext, inputObjectPath: ASTPath, options: MapRequestOptions = {}): MapRequestResult {
  let first: Plan;
  try {
    first = buildPlan(ctx, inputObjectPath, options);
  } catch (e) {
    if (e instanceof Unmappable) return { ok: false, reason: e.message };
    throw e;
  }
  return {
    ok: true,
    textCompletion: first.textCompletion,
    hasTools: first.hasTools,
    apply() {
      const plan = buildPlan(ctx, inputObjectPath, options);
      for (const effect of plan.effects) effect();
      const input = inputObjectPath.node as AnyNode;
      const object = layoutObject(ctx, plan.properties, input);
      const properties: AnyNode[] = object ? object.properties : layoutProperties(ctx, plan.properties, input);
      const target = properties[plan.carryTo];
      if (target && plan.carriedComments.length > 0) {
        const kept: AnyNode[] = target.comments ?? [];
        target.comments = [...plan.carriedComments.filter((c) => !kept.some((k) => k.value === c.value)), ...kept];
      }
      if (object) {
        object.comments = input.comments;
        inputObjectPath.replace(object);
      } else input.properties = properties;
      invalidateReferenceIndex(ctx.root);
      for (const cleanup of plan.cleanups) cleanup();
      invalidateReferenceIndex(ctx.root);
    },
  };
}
function buildPlan(ctx: CodemodContext, inputPath: ASTPath, options: MapRequestOptions): Plan {
  const b = new RequestBuilder(ctx, options);
  const input: AnyNode = inputPath.node;
  if (input.type !== 'ObjectExpression') block('the command input is not an object literal');
  const out: AnyNode[] = [];
  let sawBody = false;
  // Comments on the properties that go away (a marker an earlier codemod left on `body:`, a note on
  // `contentType`) move to the first property the body becomes, so no reviewer note is lost.
  const carried: AnyNode[] = [];
  let firstFromBody: AnyNode | undefined;
  for (const prop of input.properties) {
    if (!isPlainProperty(prop)) block('the command input has a spread or computed part');
    const name = keyName(prop);
    if (name === undefined) block('the command input has a computed key');
    if (name === 'modelId') out.push(prop);
    else if (INPUT_DROPPED.has(name)) {
      carried.push(...(prop.comments ?? []));
      continue;
    } else if (name === 'body') {
      sawBody = true;
      carried.push(...(prop.comments ?? []));
      const mapped = bodyOrBoundary(b, prop.value, inputPath, options);
      firstFromBody ??= mapped[0];
      out.push(...mapped);
    } else if (name === 'performanceConfigLatency') {
      out.push(makeProperty(ctx.j, 'performanceConfig', ctx.j.objectExpression([makeProperty(ctx.j, 'latency', prop.value)])));
    } else block(`input field "${name}" has no mapped Converse equivalent`);
  }
  if (!sawBody) block('the command input has no body');
  const carriedComments = carried.filter((c) => c.leading !== false);
  const carryTo = firstFromBody ? out.indexOf(firstFromBody) : -1;
  return { carriedComments, carryTo, properties: out, effects: b.effects, cleanups: b.cleanups, textCompletion: b.textCompletion, hasTools: b.hasTools };
}

/**
 * The body mapped where it is built; or, when it cannot be followed (a parameter, a body built elsewhere or
 * changed conditionally) and the call is known to be Claude's, `...toConverseRequest(body)` where it is sent.
 */
function bodyOrBoundary(b: RequestBuilder, value: AnyNode, inputPath: ASTPath, options: MapRequestOptions): AnyNode[] {
  const effects = b.effects.length;
  const cleanups = b.cleanups.length;
  try {
    return mapBody(b, value, inputPath);
  } catch (e) {
    const payload = jsonStringifyArg(unwrapExpression(value));
    const convertible =
      payload && (unwrapExpression(payload).type === 'ObjectExpression' || convertsAtBoundary(b, payload)) && !knownUnmappable(b.ctx, payload, inputPath);
    // Only where the body's shape cannot be followed; a body that follows but holds something Converse
    // cannot take (tool blocks without tools, a redacted_thinking block, …) keeps its reason.
    if (!(e instanceof Unmappable) || !UNFOLLOWED.test(e.message) || !options.wholeBody || options.boundaries !== 'convert' || !convertible) throw e;
    b.effects.length = effects;
    b.cleanups.length = cleanups;
    b.textCompletion = false;
    b.hasTools = false;
    b.toolBlocks = false;
    return [b.j.spreadElement(atBoundary(b, 'toConverseRequest', payload, 'the body'))];
  }
}

/** Reasons that say the body's shape could not be followed (rather than that it holds something unmappable). */
const UNFOLLOWED = /cannot be resolved|cannot be followed|is used elsewhere|conditionally or out of order|declared (in another scope|after)|is a parameter|is not a local|does not start as|built too indirectly|would change when|spreads|is passed on|shape is unknown/;

/**
 * True when a body the payload may be is visibly one `toConverseRequest` would throw on: a key it has no
 * place for, `tool_choice: { type: "none" }`, or an Anthropic-defined tool. Such a call keeps its marker.
 */
function knownUnmappable(ctx: CodemodContext, payload: AnyNode, at: ASTPath): boolean {
  let path: AnyNode;
  ctx.j(at).find(ctx.j.Node).forEach((p: AnyNode) => {
    if (p.node === payload) path = p;
  });
  if (!path) return true;
  for (const v of possibleValues(ctx.j, ctx.root, path).values) {
    const obj: AnyNode = v.node;
    if (obj.type !== 'ObjectExpression') continue;
    for (const prop of obj.properties) {
      if (!isPlainProperty(prop)) continue;
      const key = keyName(prop);
      if (key === undefined || !CONVERTIBLE_KEYS.has(key)) return true;
      const value = unwrapExpression(prop.value);
      if (key === 'tool_choice' && staticString(getProperty(value, 'type')?.value) === 'none') return true;
      if (key === 'tools' && value.type === 'ArrayExpression' && value.elements.some((t: AnyNode) => getProperty(unwrapExpression(t), 'type'))) return true;
    }
  }
  return false;
}
