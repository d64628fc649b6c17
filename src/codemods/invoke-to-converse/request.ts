/**
 * Request side of invoke-to-converse: an InvokeModel input `{ modelId, body, contentType, accept }` whose
 * body is an Anthropic Messages (or legacy Text Completions) JSON document → the Converse input
 * `{ modelId, messages, system, inferenceConfig, toolConfig, additionalModelRequestFields }`
 * (API reference §3a).
 *
 * Public entry point (kept stable; new parameters are optional):
 *
 *   mapInvokeRequest(ctx, inputObjectPath, options?)
 *     → { ok: true, apply(): void, ... } | { ok: false, reason: string }
 *
 * - `ctx` is the codemod context; `inputObjectPath` is the ASTPath of the ObjectExpression passed to
 *   `InvokeModelCommand` / `InvokeModelWithResponseStreamCommand` / `client.invokeModel(...)`.
 * - The body is followed through `JSON.stringify(...)` inline or in a const, `const` payloads, object spreads,
 *   straight-line `payload.x = v` assignments, a same-file helper returning an object literal, and history
 *   arrays of messages built with `push`.
 * - Nothing is changed until `apply()` is called. `apply()` recomputes the rewrite from the current tree,
 *   so other rewrites of inner expressions (for example of the response handling) may run before it.
 * - When a field cannot be mapped, `reason` names it (it becomes the marker text).
 * - Options: `typeRef(name)` makes a runtime-module type reachable (adds `type Message` etc. to the import)
 *   and returns the node to use; TS files need it so that rewritten histories, tool arrays and helpers get
 *   their Converse types (`Message[]`, `Tool[]`, `Omit<ConverseCommandInput, "modelId">`). Without it those
 *   annotations are left as they were. `passThroughContent(prop)` accepts `content:` values that already
 *   are Converse blocks (the migrated response of the same call pushed back into its history).
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { layoutExpression, layoutObject, layoutProperties } from './layout';
import { ensureConverseHelper } from '../../bedrock/boundary/helpers';
import { possibleValues } from '../../bedrock/flow/values';
import {
  type AnyNode,
  declarationOf,
  functionBinding,
  identifierPaths,
  invalidateReferenceIndex,
  referencePaths,
  getProperty,
  isPlainProperty,
  isStringLiteral,
  keyName,
  makeProperty,
  staticString,
  unwrapExpression,
} from '../../ast/bedrock';

export interface MapRequestOptions {
  /**
   * Object properties (`content: <expr>` inside a pushed history message) whose value is already a Converse
   * content-block array because the response handling that produces it is migrated with the call.
   * Used for `history.push({ role: "assistant", content: result.content })`.
   */
  passThroughContent?: (prop: AnyNode) => boolean;
  /** `convert`: data from outside is converted where it is sent by a helper; `mark` (also when absent): blocked. */
  boundaries?: 'convert' | 'mark';
  /** With `boundaries: 'convert'`: the call is known to be Claude's, so a body that cannot be followed is converted whole. */
  wholeBody?: boolean;
  /** Called when a type import is needed (`Message`, `ConverseCommandInput`); returns the type node to use. */
  typeRef?: (exportName: string) => AnyNode | undefined;
}

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

class Blocked extends Error {}
function block(reason: string): never {
  throw new Blocked(reason);
}

interface Entry {
  name: string;
  value: AnyNode;
}

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

export function mapInvokeRequest(ctx: CodemodContext, inputObjectPath: ASTPath, options: MapRequestOptions = {}): MapRequestResult {
  let first: Plan;
  try {
    first = buildPlan(ctx, inputObjectPath, options);
  } catch (e) {
    if (e instanceof Blocked) return { ok: false, reason: e.message };
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

const INPUT_DROPPED = new Set(['contentType', 'accept']);

function buildPlan(ctx: CodemodContext, inputPath: ASTPath, options: MapRequestOptions): Plan {
  const b = new Builder(ctx, options);
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
function bodyOrBoundary(b: Builder, value: AnyNode, inputPath: ASTPath, options: MapRequestOptions): AnyNode[] {
  const effects = b.effects.length;
  const cleanups = b.cleanups.length;
  try {
    return b.body(value, inputPath);
  } catch (e) {
    const payload = jsonStringifyArg(unwrapExpression(value));
    const convertible =
      payload && (unwrapExpression(payload).type === 'ObjectExpression' || b.convertsAtBoundary(payload)) && !knownUnmappable(b.ctx, payload, inputPath);
    // Only where the body's shape cannot be followed; a body that follows but holds something Converse
    // cannot take (tool blocks without tools, a redacted_thinking block, …) keeps its reason.
    if (!(e instanceof Blocked) || !UNFOLLOWED.test(e.message) || !options.wholeBody || options.boundaries !== 'convert' || !convertible) throw e;
    b.effects.length = effects;
    b.cleanups.length = cleanups;
    b.textCompletion = false;
    b.hasTools = false;
    b.toolBlocks = false;
    return [b.j.spreadElement(b.atBoundary('toConverseRequest', payload, 'the body'))];
  }
}

/** Reasons that say the body's shape could not be followed (rather than that it holds something unmappable). */
const UNFOLLOWED = /cannot be resolved|cannot be followed|is used elsewhere|conditionally or out of order|declared (in another scope|after)|is a parameter|is not a local|does not start as|built too indirectly|would change when|spreads|is passed on|shape is unknown/;

/** Body keys `toConverseRequest` maps (reference §3a). */
const CONVERTIBLE_KEYS = new Set(['anthropic_version', 'messages', 'system', 'max_tokens', 'temperature', 'top_p', 'stop_sequences', 'tools', 'tool_choice', 'top_k', 'thinking', 'anthropic_beta']);

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

const SAMPLING: Record<string, string> = {
  max_tokens: 'maxTokens',
  temperature: 'temperature',
  top_p: 'topP',
  stop_sequences: 'stopSequences',
};
const ADDITIONAL = new Set(['top_k', 'thinking', 'anthropic_beta']);

class Builder {
  readonly j: CodemodContext['j'];
  readonly isTs: boolean;
  effects: Array<() => void> = [];
  cleanups: Array<() => void> = [];
  textCompletion = false;
  hasTools = false;
  /** Set when messages carry toolUse / toolResult blocks: Converse then needs toolConfig (reference §2c). */
  toolBlocks = false;
  documentCount = 0;

  constructor(
    readonly ctx: CodemodContext,
    readonly options: MapRequestOptions,
  ) {
    this.j = ctx.j;
    this.isTs = /\.[cm]?tsx?$/.test(ctx.file.path);
  }

  // ------------------------------------------------------------ body resolution

  /** The Converse properties that replace `body: ...`. */
  body(value: AnyNode, inputPath: ASTPath): AnyNode[] {
    const payload = this.stringifiedPayload(value, inputPath);
    // A same-file helper `function build(...) { return {...} }` is rewritten where it is, and spread here.
    const call = unwrapExpression(payload);
    if (call.type === 'CallExpression' && call.callee.type === 'Identifier') {
      return [this.helperPayload(call, inputPath)];
    }
    const entries = this.payloadEntries(payload, inputPath, 0);
    return this.converseProperties(entries);
  }

  /** `JSON.stringify(x)` (inline, via a const, or wrapped in TextEncoder / Buffer.from) → x. */
  stringifiedPayload(value: AnyNode, at: ASTPath): AnyNode {
    const v = unwrapExpression(value);
    const stringified = jsonStringifyArg(v);
    if (stringified) return stringified;
    if (v.type === 'Identifier') {
      const decl = this.constDeclarator(v.name, at);
      if (decl && decl.node.init) {
        const inner = jsonStringifyArg(unwrapExpression(decl.node.init));
        if (inner) {
          if (this.referenceCount(v.name, decl) !== 1) block(`body ("${v.name}") is used elsewhere too`);
          this.checkMove(decl, at, [decl.get('init')], v.name);
          this.effects.push(() => removeStatementOf(this.j, decl));
          return inner;
        }
      }
    }
    // `encoder.encode(JSON.stringify(x))` with a shared `const encoder = new TextEncoder()` (removed once unused).
    const c: AnyNode = v.type === 'CallExpression' && v.arguments.length === 1 ? v.callee : undefined;
    if (c?.type === 'MemberExpression' && !c.computed && c.property.name === 'encode' && c.object.type === 'Identifier') {
      const decl = this.constDeclarator(c.object.name, at);
      const init = decl && unwrapExpression(decl.node.init);
      const inner = jsonStringifyArg(v.arguments[0]);
      if (inner && init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'TextEncoder') {
        const name: string = c.object.name;
        this.cleanups.push(() => {
          if (this.referenceCount(name, decl) === 0) removeStatementOf(this.j, decl);
        });
        return inner;
      }
    }
    block('body cannot be resolved to JSON.stringify(<object>)');
  }

  /** A payload object → its (name, value) entries, following consts, spreads and later assignments. */
  payloadEntries(payload: AnyNode, at: ASTPath, depth: number): Entry[] {
    if (depth > 4) block('body is built too indirectly');
    const p = unwrapExpression(payload);
    if (p.type === 'ObjectExpression') {
      const entries: Entry[] = [];
      for (const prop of p.properties) {
        if (prop.type === 'SpreadElement' || prop.type === 'SpreadProperty') {
          entries.push(...this.spreadEntries(prop.argument, at, depth + 1));
          continue;
        }
        if (!isPlainProperty(prop)) block('body has a method or getter');
        const name = keyName(prop);
        if (name === undefined) block('body has a computed key');
        entries.push({ name, value: prop.shorthand ? p.properties.find((x: AnyNode) => x === prop).value : prop.value });
      }
      return entries;
    }
    if (p.type === 'Identifier') {
      const decl = this.constDeclarator(p.name, at);
      if (!decl || !decl.node.init) block(`body ("${p.name}") cannot be resolved`);
      const uses = this.referencePaths(p.name, decl);
      const assignments: ASTPath[] = [];
      for (const use of uses) {
        if (use.node === p) continue;
        const assigned = this.laterAssignment(use, decl);
        if (!assigned) {
          const member: AnyNode = use.parent?.node;
          const assign: AnyNode = use.parent?.parent?.node;
          if (member?.type === 'MemberExpression' && member.object === use.node && assign?.type === 'AssignmentExpression' && assign.left === member) {
            const field = member.computed ? staticString(member.property) : member.property.name;
            block(`body field "${field ?? '?'}" is set conditionally or out of order (${p.name}.${field ?? '?'} = …)`);
          }
          block(`body ("${p.name}") is used elsewhere too`);
        }
        assignments.push(assigned);
      }
      const entries = this.payloadEntries(decl.node.init, decl, depth + 1);
      for (const a of assignments) {
        const left: AnyNode = (a.node as AnyNode).expression.left;
        const name = left.computed ? staticString(left.property) : left.property.name;
        entries.push({ name: name!, value: (a.node as AnyNode).expression.right });
        this.effects.push(() => this.j(a).remove());
      }
      this.checkMove(decl, at, [decl.get('init'), ...assignments.map((a) => (a as AnyNode).get('expression', 'right'))], p.name, assignments);
      this.effects.push(() => removeStatementOf(this.j, decl));
      return entries;
    }
    block('body cannot be resolved to an object literal');
  }

  /**
   * The payload declared at `decl` is moved into the command at `at`. That must not change what it
   * evaluates to: when other statements run in between, or the command sits in a loop or a nested
   * function, the moved expressions must be free of calls and of variables that are ever reassigned.
   */
  checkMove(decl: AnyNode, at: AnyNode, values: AnyNode[], name: string, skip: ASTPath[] = []): void {
    const declStmt = decl.parent; // VariableDeclaration
    const holder = declStmt?.parent;
    let cur: AnyNode = at;
    let crossed = false;
    while (cur && cur.parent && cur.parent.node !== holder?.node) {
      const t = cur.node.type;
      if (/Function|Loop|While|For/.test(t) || t === 'DoWhileStatement') crossed = true;
      cur = cur.parent;
    }
    if (!cur || !cur.parent) block(`body ("${name}") is declared in another scope than the call`);
    const siblings: AnyNode[] = holder.node.body ?? [];
    const from = siblings.indexOf(declStmt.node);
    const to = siblings.indexOf(cur.node);
    if (from < 0 || to < 0 || to < from) block(`body ("${name}") is declared after the call`);
    const skipped = new Set(skip.map((s) => s.node));
    const between = siblings.slice(from + 1, to).filter((n) => !skipped.has(n));
    if (!crossed && between.length === 0) return;
    for (const v of values) {
      const reason = this.impurity(v);
      if (reason) block(`body ("${name}") ${reason} and is built before the call; moving it would change when that runs`);
    }
  }

  /** Why evaluating the expression at `path` later could give another value (a call, an assignment, a reassigned variable), or undefined. */
  impurity(path: AnyNode): string | undefined {
    const j = this.j;
    let reason: string | undefined;
    const node = path;
    const pure = new Set(['stringify', 'String', 'Number', 'Boolean', 'trim', 'toString', 'join', 'toUpperCase', 'toLowerCase', 'slice', 'replace', 'from']);
    j(node).find(j.Node).forEach((p: AnyNode) => {
      if (reason) return;
      const n = p.node;
      if (n.type === 'CallExpression') {
        const c = n.callee;
        const fname = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' && !c.computed ? c.property.name : '';
        if (!pure.has(fname)) reason = `calls ${fname || 'a function'}()`;
      } else if (['NewExpression', 'AwaitExpression', 'YieldExpression', 'AssignmentExpression', 'UpdateExpression', 'TaggedTemplateExpression'].includes(n.type)) {
        reason = 'has side effects';
      } else if (n.type === 'Identifier' && p.parent && !(p.parent.node.type === 'MemberExpression' && p.parent.node.property === n && !p.parent.node.computed) && !(p.name === 'key' && !p.parent.node.computed)) {
        const d = this.declarationOf(n.name, p);
        const kind = d?.node.type === 'VariableDeclarator' ? (d.parent.node as AnyNode).kind : d ? 'param' : undefined;
        if (kind && kind !== 'const' && this.isReassigned(n.name, d)) reason = `reads "${n.name}", which is reassigned`;
      }
    });
    return reason;
  }

  isReassigned(name: string, decl: AnyNode): boolean {
    return this.referencePaths(name, decl).some((r: AnyNode) => {
      const parent = r.parent.node;
      return (parent.type === 'AssignmentExpression' && parent.left === r.node) || parent.type === 'UpdateExpression';
    });
  }

  spreadEntries(arg: AnyNode, at: ASTPath, depth: number): Entry[] {
    const a = unwrapExpression(arg);
    if (a.type === 'Identifier') {
      const decl = this.constDeclarator(a.name, at);
      if (!decl || decl.parent.node.kind !== 'const' || unwrapExpression(decl.node.init)?.type !== 'ObjectExpression') {
        block(`body spreads "${a.name}", which cannot be resolved`);
      }
      // The spread source may be shared (defaults used by several calls): it is copied, not moved,
      // and removed once nothing refers to it.
      const name = a.name;
      this.cleanups.push(() => {
        if (decl.node && decl.parent && this.referenceCount(name, decl) === 0) removeStatementOf(this.j, decl);
      });
      return this.payloadEntriesShared(decl.node.init, decl, depth);
    }
    if (a.type === 'ObjectExpression') return this.payloadEntries(a, at, depth);
    block('body spreads a value that cannot be resolved');
  }

  /** Entries of a shared const object: values must be literals (copied, so they are safe to duplicate). */
  payloadEntriesShared(obj: AnyNode, at: ASTPath, depth: number): Entry[] {
    const entries: Entry[] = [];
    for (const prop of unwrapExpression(obj).properties) {
      if (prop.type === 'SpreadElement' || prop.type === 'SpreadProperty') {
        entries.push(...this.spreadEntries(prop.argument, at, depth + 1));
        continue;
      }
      const name = keyName(prop);
      if (!isPlainProperty(prop) || name === undefined) block('a spread default has a computed key');
      if (!isConstantExpression(prop.value)) block(`spread default "${name}" is not a constant`);
      entries.push({ name, value: cloneNode(prop.value) });
    }
    return entries;
  }

  /** `body: JSON.stringify(build(args))` with `function build(...) { ...; return { ... } }` in this file. */
  helperPayload(call: AnyNode, at: ASTPath): AnyNode {
    const j = this.j;
    const name = call.callee.name;
    const fn = this.findFunction(name, at);
    if (!fn) block(`body comes from "${name}()", which is not a function of this file`);
    if (this.referenceCount(name, fn.bindingPath) !== 1) block(`"${name}()" builds bodies for other calls too`);
    const returns: AnyNode[] = [];
    const fnNode: AnyNode = fn.node;
    if (fnNode.body.type !== 'BlockStatement') returns.push(fnNode);
    else {
      j(fn.path)
        .find(j.ReturnStatement)
        .forEach((r) => {
          // Only returns of this function, not of nested functions.
          let cur: AnyNode = r.parent;
          while (cur && cur.node !== fnNode && !/Function|ArrowFunction/.test(cur.node.type)) cur = cur.parent;
          if (cur && cur.node === fnNode) returns.push(r.node);
        });
    }
    if (returns.length !== 1) block(`"${name}()" must return one object literal`);
    const ret = returns[0];
    const obj = unwrapExpression(ret.type === 'ReturnStatement' ? ret.argument : ret.body);
    if (obj?.type !== 'ObjectExpression') block(`"${name}()" does not return an object literal`);
    if (fnNode.returnType) block(`"${name}()" declares a return type`);
    if (fnNode.async || fnNode.generator) block(`"${name}()" is async`);
    const entries = this.payloadEntries(obj, fn.path, 1);
    const props = this.converseProperties(entries);
    this.effects.push(() => {
      obj.properties = layoutProperties(this.ctx, props, obj);
      if (this.isTs) {
        const t = this.options.typeRef?.('ConverseCommandInput');
        if (t) {
          fnNode.returnType = j.tsTypeAnnotation(
            j.tsTypeReference(j.identifier('Omit'), j.tsTypeParameterInstantiation([j.tsTypeReference(t), j.tsLiteralType(j.stringLiteral('modelId'))])),
          );
        }
      }
    });
    return j.spreadElement(call);
  }

  // ------------------------------------------------------------ the mapping table (reference §3a)

  converseProperties(entries: Entry[]): AnyNode[] {
    const j = this.j;
    const seen = new Map<string, AnyNode>();
    for (const e of entries) seen.set(e.name, e.value); // later wins, as in JS
    const inference: AnyNode[] = [];
    const additional: AnyNode[] = [];
    let messages: AnyNode | undefined;
    let system: AnyNode | undefined;
    let tools: AnyNode | undefined;
    let toolChoice: AnyNode | undefined;
    if (seen.has('prompt')) return this.textCompletionProperties(seen);
    // Fields with no Converse slot first, then tool_choice before tools: the marker names the hard blocker.
    const known = new Set([...Object.keys(SAMPLING), ...ADDITIONAL, 'anthropic_version', 'messages', 'system', 'tools', 'tool_choice']);
    for (const name of seen.keys()) {
      if (name === 'model' || name === 'stream') block(`body field "${name}" is not valid for InvokeModel`);
      if (!known.has(name)) block(`body field "${name}" has no Converse equivalent`);
    }
    const rank = (name: string) => (name === 'tool_choice' ? 0 : name === 'tools' ? 1 : 2);
    const ordered = [...seen.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
    for (const [name, value] of ordered) {
      if (name === 'tool_choice') toolChoice = this.toolChoice(value);
      else if (name === 'tools') tools = this.tools(value);
      else if (name === 'messages') messages = this.messages(value);
      else if (name === 'system') system = this.system(value);
    }
    for (const [name, value] of seen) {
      if (name === 'anthropic_version') continue;
      if (name in SAMPLING) inference.push(makeProperty(j, SAMPLING[name], value));
      else if (ADDITIONAL.has(name)) additional.push(makeProperty(j, name, value));
    }
    if (!messages) block('body has no messages');
    if (toolChoice && !tools) block('tool_choice without tools');
    if (this.toolBlocks && !tools) block('messages carry tool_use/tool_result blocks but the request has no tools (Converse requires toolConfig)');
    const props: AnyNode[] = [makeProperty(j, 'messages', messages)];
    if (system) props.push(makeProperty(j, 'system', system));
    if (inference.length) props.push(makeProperty(j, 'inferenceConfig', j.objectExpression(inference)));
    if (tools) {
      this.hasTools = true;
      const config = [makeProperty(j, 'tools', tools)];
      if (toolChoice) config.push(makeProperty(j, 'toolChoice', toolChoice));
      props.push(makeProperty(j, 'toolConfig', j.objectExpression(config)));
    }
    if (additional.length) props.push(makeProperty(j, 'additionalModelRequestFields', j.objectExpression(additional)));
    return props;
  }

  /** Legacy `{ prompt: "\n\nHuman: …\n\nAssistant:", max_tokens_to_sample }` → one user message. */
  textCompletionProperties(seen: Map<string, AnyNode>): AnyNode[] {
    const j = this.j;
    this.textCompletion = true;
    const inference: AnyNode[] = [];
    const additional: AnyNode[] = [];
    let text: AnyNode | undefined;
    for (const [name, value] of seen) {
      if (name === 'anthropic_version') continue;
      if (name === 'prompt') text = this.completionPrompt(value);
      else if (name === 'max_tokens_to_sample') inference.push(makeProperty(j, 'maxTokens', value));
      else if (name === 'temperature' || name === 'top_p' || name === 'stop_sequences') inference.push(makeProperty(j, SAMPLING[name], value));
      else if (name === 'top_k') additional.push(makeProperty(j, name, value));
      else block(`Text Completions field "${name}" has no Converse equivalent`);
    }
    const messages = j.arrayExpression([
      j.objectExpression([makeProperty(j, 'role', j.stringLiteral('user')), makeProperty(j, 'content', j.arrayExpression([textBlock(j, text!)]))]),
    ]);
    const props = [makeProperty(j, 'messages', messages)];
    if (inference.length) props.push(makeProperty(j, 'inferenceConfig', j.objectExpression(inference)));
    if (additional.length) props.push(makeProperty(j, 'additionalModelRequestFields', j.objectExpression(additional)));
    return props;
  }

  /**
   * The prompt must be exactly one `\n\nHuman: <text>\n\nAssistant:` turn, written as a template literal
   * or a string; the text between the markers becomes the user message.
   */
  completionPrompt(value: AnyNode): AnyNode {
    const j = this.j;
    const v = unwrapExpression(value);
    const HUMAN = '\n\nHuman:';
    const ASSISTANT = '\n\nAssistant:';
    if (isStringLiteral(v)) {
      const s = v.value;
      const inner = singleTurn(s);
      if (inner === undefined) block('prompt is not a single "\\n\\nHuman: … \\n\\nAssistant:" turn');
      return j.stringLiteral(inner);
    }
    if (v.type === 'TemplateLiteral') {
      const quasis = v.quasis.map((q: AnyNode) => q.value.cooked as string);
      const head = quasis[0];
      const tail = quasis[quasis.length - 1];
      const headTrim = head.replace(/^\n\nHuman: ?/, '');
      if (headTrim === head || !tail.endsWith(ASSISTANT)) block('prompt is not a single "\\n\\nHuman: … \\n\\nAssistant:" turn');
      const tailTrim = tail.slice(0, tail.length - ASSISTANT.length);
      if (quasis.some((q: string) => q.includes(HUMAN.trim()) && q !== head) || headTrim.includes('Human:') || tailTrim.includes('Assistant:')) {
        block('prompt has several Human/Assistant turns');
      }
      if (quasis.length === 1) {
        const s = tailTrim.replace(/^\n\nHuman: ?/, '');
        return j.stringLiteral(s);
      }
      const newQuasis = quasis.map((q: string, i: number) => {
        let t = q;
        if (i === 0) t = headTrim;
        if (i === quasis.length - 1) t = i === 0 ? t : tailTrim;
        return j.templateElement({ raw: escapeTemplate(t), cooked: t }, i === quasis.length - 1);
      });
      if (quasis.length - 1 === 1 && newQuasis[0].value.cooked === '' && newQuasis[1].value.cooked === '') return v.expressions[0];
      return j.templateLiteral(newQuasis, v.expressions);
    }
    block('prompt is not a literal "\\n\\nHuman: … \\n\\nAssistant:" string');
  }

  system(value: AnyNode): AnyNode {
    const j = this.j;
    const v = unwrapExpression(value);
    if (v.type === 'ArrayExpression') {
      const out: AnyNode[] = [];
      for (const el of v.elements) {
        const e = unwrapExpression(el);
        if (e?.type !== 'ObjectExpression') block('system has a block that is not an object literal');
        const type = staticString(getProperty(e, 'type')?.value);
        if (type !== 'text') block('system has a non-text block');
        for (const p of e.properties) {
          const k = keyName(p);
          if (!isPlainProperty(p) || (k !== 'type' && k !== 'text' && k !== 'cache_control')) block(`system block field "${k ?? '?'}"`);
        }
        out.push(j.objectExpression([makeProperty(j, 'text', getProperty(e, 'text').value)]));
        const cache = getProperty(e, 'cache_control');
        if (cache) out.push(this.cachePoint(cache.value));
      }
      return j.arrayExpression(out);
    }
    // A system prompt read from data the run cannot see (a destructured HTTP body, an untyped field) may be a
    // string or cached text blocks: converted by the helper, which handles both, rather than guessed.
    const unproven = (v.type === 'Identifier' && this.bindingKind(v) === 'unknown') || v.type === 'MemberExpression' || v.type === 'OptionalMemberExpression';
    if (unproven && this.convertsAtBoundary(v)) return this.atBoundary('toConverseSystem', value, 'system');
    try {
      if (this.isStringish(v, 'system')) return j.arrayExpression([textBlock(j, value)]);
    } catch (e) {
      if (!(e instanceof Blocked) || !this.convertsAtBoundary(v)) throw e;
    }
    if (this.convertsAtBoundary(v)) return this.atBoundary('toConverseSystem', value, 'system');
    block('system cannot be resolved to a string or text blocks');
  }

  cachePoint(cacheControl: AnyNode): AnyNode {
    const j = this.j;
    const c = unwrapExpression(cacheControl);
    if (c.type !== 'ObjectExpression' || staticString(getProperty(c, 'type')?.value) !== 'ephemeral') block('cache_control is not { type: "ephemeral" }');
    const props = [makeProperty(j, 'type', j.stringLiteral('default'))];
    for (const p of c.properties) {
      const k = keyName(p);
      if (k === 'type') continue;
      if (k === 'ttl' && isPlainProperty(p)) props.push(makeProperty(j, 'ttl', p.value));
      else block(`cache_control field "${k ?? '?'}"`);
    }
    return j.objectExpression([makeProperty(j, 'cachePoint', j.objectExpression(props))]);
  }

  /** Decides whether an expression is a string: literals, templates, concatenations, `String(x)`, string consts, `: string` bindings. */
  isStringish(v: AnyNode, what: string): boolean {
    const n = unwrapExpression(v);
    if (isStringLiteral(n) || n.type === 'TemplateLiteral') return true;
    if (n.type === 'BinaryExpression' && n.operator === '+') return this.isStringish(n.left, what) || this.isStringish(n.right, what);
    if (n.type === 'CallExpression') {
      const c = n.callee;
      if (c.type === 'Identifier' && c.name === 'String') return true;
      if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'JSON' && c.property.name === 'stringify') return true;
      if (c.type === 'MemberExpression' && !c.computed && ['trim', 'join', 'toString', 'slice', 'replace', 'toUpperCase', 'toLowerCase', 'substring'].includes(c.property.name)) {
        return c.property.name === 'join' || c.property.name === 'toString' || this.isStringish(c.object, what);
      }
      // A same-file function whose every return is a string.
      if (c.type === 'Identifier' && this.stringFunctionDepth < 2) {
        const use = this.pathOf(c);
        const fn = use ? this.findFunction(c.name, use) : undefined;
        if (!fn) return false;
        const returns = this.returnsOf(fn.node, fn.path);
        this.stringFunctionDepth++;
        try {
          return returns.length > 0 && returns.every((r) => r && this.isStringish(r, what));
        } finally {
          this.stringFunctionDepth--;
        }
      }
      return false;
    }
    if (n.type === 'Identifier') {
      const kind = this.bindingKind(n);
      if (kind === 'string') return true;
      if (kind === 'other') return false;
      // An identifier of unknown type (a parameter without a type, an imported value): the
      // Anthropic body accepts a string there, and that is how such code is written.
      return true;
    }
    if (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
      // `req.body.prompt`, `event.prompt`: a field of untyped input. Not `x.content` / `x.messages`:
      // those are usually block arrays.
      const last = n.computed ? staticString(n.property) : n.property.name;
      return !!last && !['content', 'messages', 'blocks', 'system', 'tools'].includes(last);
    }
    if (n.type === 'ConditionalExpression') return this.isStringish(n.consequent, what) && this.isStringish(n.alternate, what);
    return false;
  }

  stringFunctionDepth = 0;

  pathOf(node: AnyNode): ASTPath | undefined {
    let found: ASTPath | undefined;
    for (const p of identifierPaths(this.j, this.ctx.root, node.name)) if (p.node === node) found = p;
    return found;
  }

  /** The returned expressions of a function (not of nested functions); the body of an expression arrow. */
  returnsOf(fnNode: AnyNode, fnPath: ASTPath): AnyNode[] {
    const j = this.j;
    if (fnNode.body.type !== 'BlockStatement') return [fnNode.body];
    const out: AnyNode[] = [];
    j(fnPath)
      .find(j.ReturnStatement)
      .forEach((r) => {
        let cur: AnyNode = r.parent;
        while (cur && cur.node !== fnNode && !/Function/.test(cur.node.type)) cur = cur.parent;
        if (cur && cur.node === fnNode) out.push((r.node as AnyNode).argument);
      });
    return out;
  }

  /** 'string' when the identifier is a string const / `: string`; 'other' when it is provably not; 'unknown' otherwise. */
  bindingKind(id: AnyNode): 'string' | 'other' | 'unknown' {
    const decl = this.findBindingFor(id);
    if (!decl) return 'unknown';
    const node: AnyNode = decl.node;
    if (node.type === 'VariableDeclarator') {
      const ann = node.id.typeAnnotation?.typeAnnotation;
      if (ann) return ann.type === 'TSStringKeyword' ? 'string' : ann.type === 'TSAnyKeyword' ? 'unknown' : 'other';
      const init = unwrapExpression(node.init);
      if (!init) return 'unknown';
      if (isStringLiteral(init) || init.type === 'TemplateLiteral') return 'string';
      if (['ArrayExpression', 'ObjectExpression', 'NumericLiteral', 'BooleanLiteral', 'ArrowFunctionExpression', 'FunctionExpression', 'NewExpression'].includes(init.type)) return 'other';
      if (init.type === 'AwaitExpression') return 'unknown';
      return this.isStringish(init, '') ? 'string' : 'unknown';
    }
    if (node.type === 'Identifier') {
      const ann = node.typeAnnotation?.typeAnnotation;
      if (ann) return ann.type === 'TSStringKeyword' ? 'string' : ann.type === 'TSAnyKeyword' ? 'unknown' : 'other';
      return 'unknown';
    }
    return 'unknown';
  }

  /** The declarator path or parameter identifier path that binds `id` where it is used. */
  findBindingFor(id: AnyNode): AnyNode {
    const j = this.j;
    let usePath: ASTPath | undefined;
    for (const p of identifierPaths(j, this.ctx.root, id.name)) if (p.node === id) usePath = p;
    if (!usePath) return undefined;
    return this.declarationOf(id.name, usePath);
  }

  // ------------------------------------------------------------ messages

  messages(value: AnyNode): AnyNode {
    const v = unwrapExpression(value);
    if (v.type === 'ArrayExpression') {
      return this.j.arrayExpression(
        v.elements.map((m: AnyNode) => {
          // `[...history, { role: "user", content: q }]` with a local history array.
          if (m?.type === 'SpreadElement' && unwrapExpression(m.argument).type === 'Identifier') {
            try {
              this.history(unwrapExpression(m.argument));
            } catch (e) {
              if (!(e instanceof Blocked) || !this.convertsAtBoundary(m.argument)) throw e;
              return this.j.spreadElement(this.atBoundary('toConverseMessages', m.argument, 'messages'));
            }
            return m;
          }
          if (m?.type === 'SpreadElement' && this.convertsAtBoundary(m.argument)) {
            return this.j.spreadElement(this.atBoundary('toConverseMessages', m.argument, 'messages'));
          }
          return this.message(m);
        }),
      );
    }
    if (v.type === 'Identifier') {
      try {
        return this.history(v);
      } catch (e) {
        // Not a history we can rewrite where it is built: in TS, a value whose type proves every message
        // is `{ role, content: string }` is converted where it is sent, and stays as it is elsewhere.
        if (e instanceof Blocked && this.isTs && this.stringMessages(v, 0)) return this.mapAtBoundary(v);
        if (e instanceof Blocked && this.convertsAtBoundary(v)) return this.atBoundary('toConverseMessages', value, 'messages');
        throw e;
      }
    }
    if (this.convertsAtBoundary(v)) return this.atBoundary('toConverseMessages', value, 'messages');
    block('messages cannot be resolved to an array literal or a local history array');
  }

  message(m: AnyNode, fromPush = false): AnyNode {
    const j = this.j;
    const msg = unwrapExpression(m);
    if (msg?.type !== 'ObjectExpression') block('messages has an element that is not a { role, content } literal');
    const props: AnyNode[] = [];
    let sawContent = false;
    let changed = false;
    for (const p of msg.properties) {
      if (!isPlainProperty(p)) block('a message has a spread or method');
      const k = keyName(p);
      if (k === 'role') props.push(p);
      else if (k === 'content') {
        sawContent = true;
        if (fromPush && this.options.passThroughContent?.(p)) props.push(p);
        else {
          const converted = this.content(p.value);
          if (converted === p.value) props.push(p);
          else {
            changed = true;
            props.push(makeProperty(j, 'content', converted));
          }
        }
      } else block(`message field "${k ?? '?'}"`);
    }
    if (!sawContent) block('a message has no content');
    return changed ? j.objectExpression(props) : m;
  }

  content(value: AnyNode): AnyNode {
    const j = this.j;
    const v = unwrapExpression(value);
    if (v.type === 'ArrayExpression') {
      const out: AnyNode[] = [];
      for (const el of v.elements) out.push(...this.contentBlock(el));
      return j.arrayExpression(out);
    }
    if (v.type === 'Identifier' && this.bindingKind(v) === 'other') return this.blockArray(v);
    if (this.isStringish(v, 'content')) return j.arrayExpression([textBlock(j, value)]);
    block('message content is neither a string nor a block array literal');
  }

  /** One Anthropic content block → one Converse block, plus a cachePoint when it had cache_control. */
  contentBlock(el: AnyNode, inToolResult = false): AnyNode[] {
    const j = this.j;
    const b = unwrapExpression(el);
    if (b?.type !== 'ObjectExpression') block('a content block is not an object literal');
    const type = staticString(getProperty(b, 'type')?.value);
    if (!type) block('a content block has no literal type');
    const fields = new Map<string, AnyNode>();
    for (const p of b.properties) {
      if (!isPlainProperty(p)) block(`a ${type} block has a spread or method`);
      const k = keyName(p);
      if (k === undefined) block(`a ${type} block has a computed key`);
      fields.set(k, p.value);
    }
    const allow = (...names: string[]) => {
      for (const k of fields.keys()) if (k !== 'type' && k !== 'cache_control' && !names.includes(k)) block(`${type} block field "${k}"`);
    };
    let out: AnyNode;
    switch (type) {
      case 'text':
        allow('text');
        if (!fields.has('text')) block('text block without text');
        out = j.objectExpression([makeProperty(j, 'text', fields.get('text'))]);
        break;
      case 'image': {
        allow('source');
        out = j.objectExpression([makeProperty(j, 'image', this.imageSource(fields.get('source')))]);
        break;
      }
      case 'document': {
        if (inToolResult) block('document inside tool_result');
        allow('source', 'title', 'context', 'citations');
        out = j.objectExpression([makeProperty(j, 'document', this.document(fields))]);
        break;
      }
      case 'tool_use': {
        if (inToolResult) block('tool_use inside tool_result');
        allow('id', 'name', 'input');
        this.toolBlocks = true;
        out = j.objectExpression([
          makeProperty(
            j,
            'toolUse',
            j.objectExpression([
              makeProperty(j, 'toolUseId', required(fields, 'id', 'tool_use')),
              makeProperty(j, 'name', required(fields, 'name', 'tool_use')),
              makeProperty(j, 'input', required(fields, 'input', 'tool_use')),
            ]),
          ),
        ]);
        break;
      }
      case 'tool_result': {
        if (inToolResult) block('tool_result inside tool_result');
        allow('tool_use_id', 'content', 'is_error');
        this.toolBlocks = true;
        const props = [makeProperty(j, 'toolUseId', required(fields, 'tool_use_id', 'tool_result'))];
        const c = fields.get('content');
        // [uncertain] whether Converse accepts a toolResult without content (reference §3a): not guessed.
        if (!c) block('tool_result without content');
        const cv = unwrapExpression(c);
        if (cv.type === 'ArrayExpression') {
          const blocks: AnyNode[] = [];
          for (const el2 of cv.elements) blocks.push(...this.contentBlock(el2, true));
          props.push(makeProperty(j, 'content', j.arrayExpression(blocks)));
        } else if (this.isStringish(cv, 'tool_result content')) {
          props.push(makeProperty(j, 'content', j.arrayExpression([textBlock(j, c)])));
        } else block('tool_result content is neither a string nor a block array literal');
        const isError = fields.get('is_error');
        if (isError) {
          const ie = unwrapExpression(isError);
          if (ie.type === 'BooleanLiteral' || (ie.type === 'Literal' && typeof ie.value === 'boolean')) {
            props.push(makeProperty(j, 'status', j.stringLiteral(ie.value ? 'error' : 'success')));
          } else {
            props.push(makeProperty(j, 'status', j.conditionalExpression(isError, j.stringLiteral('error'), j.stringLiteral('success'))));
          }
        }
        out = j.objectExpression([makeProperty(j, 'toolResult', j.objectExpression(props))]);
        break;
      }
      case 'thinking': {
        if (inToolResult) block('thinking inside tool_result');
        allow('thinking', 'signature');
        const r = [makeProperty(j, 'text', required(fields, 'thinking', 'thinking'))];
        if (fields.has('signature')) r.push(makeProperty(j, 'signature', fields.get('signature')));
        out = j.objectExpression([
          makeProperty(j, 'reasoningContent', j.objectExpression([makeProperty(j, 'reasoningText', j.objectExpression(r))])),
        ]);
        break;
      }
      case 'redacted_thinking':
        // [uncertain] the byte encoding of `data` ↔ redactedContent (reference §3a): not guessed.
        block('redacted_thinking block (its byte encoding in Converse is not documented)');
      default:
        block(`content block type "${type}" has no mapped Converse equivalent`);
    }
    const result = [out];
    if (fields.has('cache_control')) result.push(this.cachePoint(fields.get('cache_control')));
    return result;
  }

  imageSource(source: AnyNode | undefined): AnyNode {
    const j = this.j;
    const s = unwrapExpression(source);
    if (s?.type !== 'ObjectExpression') block('image source is not an object literal');
    const type = staticString(getProperty(s, 'type')?.value);
    if (type !== 'base64') block(`image source type "${type ?? '?'}" (only base64 maps to bytes)`);
    const media = staticString(getProperty(s, 'media_type')?.value);
    const format = media && /^image\/(jpeg|png|gif|webp)$/.exec(media)?.[1];
    if (!format) block('image media_type is not a literal image/jpeg|png|gif|webp');
    const data = getProperty(s, 'data')?.value;
    if (!data) block('image source without data');
    for (const p of s.properties) if (!['type', 'media_type', 'data'].includes(keyName(p) ?? '')) block(`image source field "${keyName(p)}"`);
    return j.objectExpression([
      makeProperty(j, 'format', j.stringLiteral(format)),
      makeProperty(j, 'source', j.objectExpression([makeProperty(j, 'bytes', base64Bytes(j, data))])),
    ]);
  }

  document(fields: Map<string, AnyNode>): AnyNode {
    const j = this.j;
    const s = unwrapExpression(fields.get('source'));
    if (s?.type !== 'ObjectExpression') block('document source is not an object literal');
    const type = staticString(getProperty(s, 'type')?.value);
    const media = staticString(getProperty(s, 'media_type')?.value);
    const data = getProperty(s, 'data')?.value;
    let format: string;
    let source: AnyNode;
    if (type === 'base64' && media === 'application/pdf' && data) {
      format = 'pdf';
      source = j.objectExpression([makeProperty(j, 'bytes', base64Bytes(j, data))]);
    } else if (type === 'text' && (media === undefined || media === 'text/plain') && data) {
      format = 'txt';
      source = j.objectExpression([makeProperty(j, 'text', data)]);
    } else block('document source is not base64 PDF or plain text');
    for (const p of s.properties) if (!['type', 'media_type', 'data'].includes(keyName(p) ?? '')) block(`document source field "${keyName(p)}"`);
    // Converse requires a name: the title when it is a literal (sanitised to the allowed characters), else a generated one.
    this.documentCount++;
    const title = fields.has('title') ? staticString(fields.get('title')) : undefined;
    if (fields.has('title') && title === undefined) block('document title is not a literal (Converse needs a name)');
    let name = (title ?? '').replace(/[^A-Za-z0-9\s\-()[\]]/g, ' ').replace(/\s+/g, ' ').trim();
    if (!name) name = `document-${this.documentCount}`;
    if (name !== title) {
      const note = `Converse needs a document name: "${name}"${title ? ` (from the title "${title}")` : ''}`;
      this.effects.push(() => this.ctx.note(note));
    }
    const props = [makeProperty(j, 'format', j.stringLiteral(format)), makeProperty(j, 'name', j.stringLiteral(name)), makeProperty(j, 'source', source)];
    if (fields.has('context')) props.push(makeProperty(j, 'context', fields.get('context')));
    // Cited answers come back as `citationsContent` blocks in Converse, not as text blocks: the response
    // handling would differ, so a request that enables citations is not migrated.
    if (fields.has('citations')) block('document citations (Converse returns cited text as citationsContent blocks)');
    return j.objectExpression(props);
  }

  // ------------------------------------------------------------ tools

  tools(value: AnyNode): AnyNode {
    const j = this.j;
    const v = unwrapExpression(value);
    if (v.type === 'ArrayExpression') {
      const out: AnyNode[] = [];
      for (const t of v.elements) out.push(...this.tool(t));
      return j.arrayExpression(out);
    }
    if (v.type === 'Identifier') {
      const decl = this.findBindingFor(v);
      const init = decl && decl.node.type === 'VariableDeclarator' ? unwrapExpression(decl.node.init) : undefined;
      if (!decl || init?.type !== 'ArrayExpression' || (decl.parent.node as AnyNode).kind !== 'const') block(`tools ("${v.name}") cannot be resolved to an array literal`);
      // Rewritten where it is defined when only this request uses it.
      const mapped = this.tools(init);
      if (this.referenceCount(v.name, decl) !== 1) block(`tools ("${v.name}") is used elsewhere too`);
      this.effects.push(() => {
        // In TS the Converse type is needed (literal members such as cachePoint's `type: "default"`).
        if (this.isTs || decl.node.id.typeAnnotation) {
          const t = this.options.typeRef?.('Tool');
          decl.node.id.typeAnnotation = t ? j.tsTypeAnnotation(j.tsArrayType(j.tsTypeReference(t))) : null;
        }
        decl.node.init = layoutExpression(this.ctx, mapped, decl.node);
      });
      return v;
    }
    block('tools cannot be resolved to an array literal');
  }

  tool(t: AnyNode): AnyNode[] {
    const j = this.j;
    const id = unwrapExpression(t);
    if (id?.type === 'Identifier') {
      // `tools: [weatherTool]` with `const weatherTool = {...}` used only here: rewritten where it is defined.
      const decl = this.findBindingFor(id);
      const init = decl?.node.type === 'VariableDeclarator' ? unwrapExpression(decl.node.init) : undefined;
      if (!decl || init?.type !== 'ObjectExpression' || (decl.parent.node as AnyNode).kind !== 'const') block(`tool "${id.name}" cannot be resolved to an object literal`);
      if (this.referenceCount(id.name, decl) !== 1) block(`tool "${id.name}" is used elsewhere too`);
      if (getProperty(init, 'cache_control')) block(`tool "${id.name}" has cache_control`);
      const [mapped] = this.tool(init);
      this.effects.push(() => {
        if (decl.node.id.typeAnnotation) {
          const ref = this.options.typeRef?.('Tool');
          decl.node.id.typeAnnotation = ref ? j.tsTypeAnnotation(j.tsTypeReference(ref)) : null;
        }
        decl.node.init = layoutExpression(this.ctx, mapped, decl.node);
      });
      return [id];
    }
    const o = id;
    if (o?.type !== 'ObjectExpression') block('a tool is not an object literal');
    const type = staticString(getProperty(o, 'type')?.value);
    if (getProperty(o, 'type') && type !== 'custom') block(`tools: Anthropic-defined tool "${type ?? '?'}" has no Converse toolSpec`);
    const spec: AnyNode[] = [];
    let cache: AnyNode | undefined;
    for (const p of o.properties) {
      if (!isPlainProperty(p)) block('a tool has a spread or method');
      const k = keyName(p);
      if (k === 'type') continue;
      if (k === 'name' || k === 'description' || k === 'strict') spec.push(makeProperty(j, k, p.value));
      else if (k === 'input_schema') spec.push(makeProperty(j, 'inputSchema', j.objectExpression([makeProperty(j, 'json', p.value)])));
      else if (k === 'cache_control') cache = p.value;
      else block(`tool field "${k ?? '?'}" has no Converse equivalent`);
    }
    if (!getProperty(o, 'name') || !getProperty(o, 'input_schema')) block('a tool without name or input_schema');
    const out = [j.objectExpression([makeProperty(j, 'toolSpec', j.objectExpression(spec))])];
    if (cache) out.push(this.cachePoint(cache));
    return out;
  }

  toolChoice(value: AnyNode): AnyNode {
    const j = this.j;
    const v = unwrapExpression(value);
    if (v.type !== 'ObjectExpression') block('tool_choice is not an object literal');
    const type = staticString(getProperty(v, 'type')?.value);
    for (const p of v.properties) {
      const k = keyName(p);
      if (k !== 'type' && !(k === 'name' && type === 'tool')) block(`tool_choice field "${k ?? '?'}" has no Converse equivalent`);
    }
    if (type === 'auto' || type === 'any') return j.objectExpression([makeProperty(j, type, j.objectExpression([]))]);
    if (type === 'tool') {
      const name = getProperty(v, 'name');
      if (!name) block('tool_choice "tool" without name');
      return j.objectExpression([makeProperty(j, 'tool', j.objectExpression([makeProperty(j, 'name', name.value)]))]);
    }
    if (type === 'none') block('tool_choice "none" has no Converse equivalent');
    block('tool_choice type is not a literal');
  }

  // ------------------------------------------------------------ history arrays

  /**
   * `messages: history` where `history` is a local array: every use must be a `push` of message literals
   * (converted in place), a read of `.length`, or this request. Its TS annotation becomes `Message[]`.
   */
  history(id: AnyNode): AnyNode {
    return this.localArray(id, 'messages', 'Message', (m) => [this.message(m, true)]);
  }

  seenArrays = new Set<AnyNode>();

  /**
   * `messages` is a parameter of a same-file helper (`async function callClaude(messages) { … }`): every
   * call of the helper must pass a local history array, which is then rewritten where it is built. The
   * helper must not be exported, and the parameter must be used only for this request.
   */
  parameterHistory(id: AnyNode, param: AnyNode): AnyNode {
    const why = `messages ("${id.name}") is a parameter`;
    const fnPath: AnyNode = param.parent;
    const fn: AnyNode = fnPath?.node;
    if (!fn || !/Function/.test(fn.type)) block(`${why} (its shape is unknown)`);
    const index = fn.params.indexOf(param.node);
    if (index < 0) block(`${why} with a default or pattern`);
    const binding = functionBinding(fnPath);
    if (!binding) block(`${why} of an anonymous function or method (its callers are unknown)`);
    const { name, declPath } = binding!;
    const holder = (declPath.node.type === 'VariableDeclarator' ? declPath.parent : declPath).parent?.node;
    if (holder?.type === 'ExportNamedDeclaration' || holder?.type === 'ExportDefaultDeclaration') block(`${why} of "${name}", which is exported`);
    if (this.referencePaths(id.name, param).length !== 1) block(`${why} used for more than this request`);
    const ann = param.node.typeAnnotation?.typeAnnotation;
    const anyArray = ann && (ann.type === 'TSAnyKeyword' || (ann.type === 'TSArrayType' && ann.elementType.type === 'TSAnyKeyword'));
    if (ann && !anyArray) block(`${why} with a type annotation`);
    const calls = this.referencePaths(name, declPath);
    if (calls.length === 0) block(`${why} of "${name}", which is never called here`);
    const helper = name;
    const isHelperArg = (use: AnyNode) => {
      const call = use.parent?.node;
      return call?.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === helper && call.arguments[index] === use.node;
    };
    for (const c of calls) {
      const call: AnyNode = c.parent.node;
      if (call.type !== 'CallExpression' || call.callee !== c.node) block(`${why} of "${name}", which is passed on`);
      const arg = unwrapExpression(call.arguments[index]);
      if (arg?.type !== 'Identifier') block(`${why}: a call of "${name}" passes something other than a local array`);
      const argDecl = this.findBindingFor(arg);
      if (!argDecl || argDecl.node.type !== 'VariableDeclarator') block(`${why}: a call of "${name}" passes something other than a local array`);
      this.localArray(arg, 'messages', 'Message', (m) => [this.message(m, true)], isHelperArg);
    }
    return id;
  }

  /** `content: results` where `results` is a local array of content-block literals built with push. */
  blockArray(id: AnyNode): AnyNode {
    return this.localArray(id, 'content', 'ContentBlock', (b) => this.contentBlock(b));
  }

  localArray(
    id: AnyNode,
    what: string,
    typeName: string,
    mapElement: (el: AnyNode) => AnyNode[],
    alsoConsumer: (use: AnyNode) => boolean = () => false,
  ): AnyNode {
    const j = this.j;
    const decl = this.findBindingFor(id);
    if (decl && decl.node.type === 'Identifier' && what === 'messages') return this.parameterHistory(id, decl);
    if (!decl || decl.node.type !== 'VariableDeclarator') block(`${what} ("${id.name}") is not a local array (its shape is unknown)`);
    // The same array handed over twice (a helper called in a loop) is rewritten once.
    if (this.seenArrays.has(decl.node)) return id;
    this.seenArrays.add(decl.node);
    const init = unwrapExpression(decl.node.init);
    if (init?.type !== 'ArrayExpression') block(`${what} ("${id.name}") does not start as an array literal`);
    const initial = init.elements.flatMap((m: AnyNode) => mapElement(m));
    const pushes: Array<{ call: AnyNode; args: AnyNode[] }> = [];
    let consumers = 0;
    for (const use of this.referencePaths(id.name, decl)) {
      const parent: AnyNode = use.parent.node;
      if (use.node === id) {
        consumers++;
        continue;
      }
      if (alsoConsumer(use)) continue;
      if (parent.type === 'MemberExpression' && parent.object === use.node && !parent.computed) {
        const member = parent.property.name;
        const grand: AnyNode = use.parent.parent.node;
        if (member === 'length') continue;
        if (member === 'push' && grand.type === 'CallExpression' && grand.callee === parent) {
          if (grand.arguments.some((a: AnyNode) => a.type === 'SpreadElement')) block(`${what} ("${id.name}") gets a spread pushed`);
          pushes.push({ call: grand, args: grand.arguments.flatMap((m: AnyNode) => mapElement(m)) });
          continue;
        }
        if ((member === 'pop' || member === 'shift') && grand.type === 'CallExpression' && use.parent.parent.parent.node.type === 'ExpressionStatement') continue;
      }
      if (what === 'messages' && parent.type === 'ObjectProperty' && parent.value === use.node && keyName(parent) === 'messages') {
        consumers++;
        continue;
      }
      block(`${what} ("${id.name}") is used in a way whose shape cannot be followed`);
    }
    if (consumers > 1) block(`${what} ("${id.name}") is sent by more than one call`);
    this.effects.push(() => {
      const changedInit = initial.length !== init.elements.length || initial.some((x: AnyNode, i: number) => x !== init.elements[i]);
      if (changedInit) decl.node.init = layoutExpression(this.ctx, j.arrayExpression(initial), decl.node);
      for (const p of pushes) {
        if (p.args.length !== p.call.arguments.length || p.args.some((a, i) => a !== p.call.arguments[i])) {
          p.call.arguments = p.args.map((a) => layoutExpression(this.ctx, a, p.call));
        }
      }
      if (this.isTs) {
        const ann = decl.node.id.typeAnnotation?.typeAnnotation;
        const isAny = ann && (ann.type === 'TSAnyKeyword' || (ann.type === 'TSArrayType' && ann.elementType.type === 'TSAnyKeyword'));
        if (!isAny) {
          const t = this.options.typeRef?.(typeName);
          if (t) decl.node.id.typeAnnotation = j.tsTypeAnnotation(j.tsArrayType(j.tsTypeReference(t)));
        }
      }
    });
    return id;
  }

  /**
   * With `--boundaries convert` (the default), Anthropic-shaped data that comes from code the run cannot
   * follow (a parameter of an exported function, an HTTP body, a class field set elsewhere) is converted
   * where it is sent: a variable or property read, or a `.map(…)` over one.
   */
  convertsAtBoundary(v: AnyNode): boolean {
    if (this.options.boundaries !== 'convert') return false;
    let n = unwrapExpression(v);
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && ['map', 'slice', 'filter', 'concat'].includes(n.callee.property.name)) {
      n = unwrapExpression(n.callee.object);
    }
    while (n.type === 'MemberExpression' || n.type === 'OptionalMemberExpression') {
      if (n.computed && !isStringLiteral(n.property)) return false;
      n = unwrapExpression(n.object);
    }
    return n.type === 'Identifier' || n.type === 'ThisExpression';
  }

  /** `toConverseMessages(value)` / `toConverseSystem(value)`, with the helper written once into the file. */
  atBoundary(helper: string, value: AnyNode, what: string): AnyNode {
    const j = this.j;
    const text = j(value).toSource();
    this.effects.push(() => {
      ensureConverseHelper(this.ctx, helper, this.isTs ? (name) => this.options.typeRef?.(name) : undefined);
      this.ctx.note(`${what} converted from the Anthropic shape where it is sent: ${helper}(${text})`, value);
      if (what === 'messages' && !this.hasTools) {
        this.ctx.note('the request has no tools: Converse rejects tool_use/tool_result blocks in these messages without toolConfig', value);
      }
    });
    return j.callExpression(j.identifier(helper), [value]);
  }

  /** `messages.map((m) => ({ role: m.role, content: [{ text: m.content }] }))` */
  mapAtBoundary(id: AnyNode): AnyNode {
    const j = this.j;
    const m = j.identifier('m');
    const body = j.objectExpression([
      makeProperty(j, 'role', j.memberExpression(m, j.identifier('role'))),
      makeProperty(j, 'content', j.arrayExpression([textBlock(j, j.memberExpression(m, j.identifier('content')))])),
    ]);
    return j.callExpression(j.memberExpression(id, j.identifier('map')), [j.arrowFunctionExpression([m], body)]);
  }

  /**
   * True when every element of `id` is provably `{ role: "user" | "assistant", content: string }`: a
   * parameter (or variable) typed that way, or a const array literal of such literals and spreads of such
   * values, never given anything else afterwards.
   */
  stringMessages(id: AnyNode, depth: number): boolean {
    if (depth > 3) return false;
    const decl = this.findBindingFor(id);
    if (!decl) return false;
    const node: AnyNode = decl.node;
    const ann = (node.type === 'VariableDeclarator' ? node.id : node).typeAnnotation?.typeAnnotation;
    if (ann) return this.stringMessagesType(ann, decl, 0);
    if (node.type !== 'VariableDeclarator' || (decl.parent.node as AnyNode).kind !== 'const') return false;
    const init = unwrapExpression(node.init);
    if (init?.type !== 'ArrayExpression') return false;
    for (const el of init.elements) {
      if (el?.type === 'SpreadElement') {
        const arg = unwrapExpression(el.argument);
        if (arg.type !== 'Identifier' || !this.stringMessages(arg, depth + 1)) return false;
      } else if (!this.stringMessageLiteral(el)) return false;
    }
    // Nothing else may be added to it later.
    for (const use of this.referencePaths(id.name, decl)) {
      const parent: AnyNode = use.parent.node;
      if (parent.type === 'MemberExpression' && parent.object === use.node && !parent.computed) {
        const member = parent.property.name;
        if (['push', 'unshift', 'splice', 'fill', 'copyWithin'].includes(member)) return false;
      }
      if (parent.type === 'AssignmentExpression' && parent.left === use.node) return false;
    }
    return true;
  }

  stringMessageLiteral(el: AnyNode): boolean {
    const o = unwrapExpression(el);
    if (o?.type !== 'ObjectExpression' || o.properties.length !== 2) return false;
    const role = getProperty(o, 'role');
    const content = getProperty(o, 'content');
    if (!role || !content) return false;
    const r = staticString(unwrapExpression(role.value));
    if (r !== 'user' && r !== 'assistant') return false;
    const c = unwrapExpression(content.value);
    return isStringLiteral(c) || c.type === 'TemplateLiteral' || (c.type === 'Identifier' && this.bindingKind(c) === 'string');
  }

  /** `Turn[]`, `Array<Turn>`, `{ role: "user" | "assistant"; content: string }[]`, with `Turn` a type alias or interface of this file. */
  stringMessagesType(t: AnyNode, at: AnyNode, depth: number): boolean {
    if (!t || depth > 3) return false;
    if (t.type === 'TSArrayType') return this.stringMessageType(t.elementType, at, depth + 1);
    if (t.type === 'TSTypeOperator' && t.operator === 'readonly') return this.stringMessagesType(t.typeAnnotation, at, depth + 1);
    if (t.type === 'TSTypeReference' && t.typeName.type === 'Identifier' && ['Array', 'ReadonlyArray'].includes(t.typeName.name)) {
      const params = t.typeParameters?.params ?? [];
      return params.length === 1 && this.stringMessageType(params[0], at, depth + 1);
    }
    return false;
  }

  stringMessageType(t: AnyNode, at: AnyNode, depth: number): boolean {
    if (!t || depth > 4) return false;
    let members: AnyNode[] | undefined;
    if (t.type === 'TSTypeLiteral') members = t.members;
    else if (t.type === 'TSTypeReference' && t.typeName.type === 'Identifier' && !t.typeParameters) {
      const name = t.typeName.name;
      let found: AnyNode;
      this.ctx.root.find(this.j.TSTypeAliasDeclaration).forEach((p) => {
        if ((p.node as AnyNode).id.name === name) found = (p.node as AnyNode).typeAnnotation;
      });
      this.ctx.root.find(this.j.TSInterfaceDeclaration).forEach((p) => {
        const n: AnyNode = p.node;
        if (n.id.name === name && !n.extends?.length) found = { type: 'TSTypeLiteral', members: n.body.body };
      });
      return found ? this.stringMessageType(found, at, depth + 1) : false;
    }
    if (!members || members.length !== 2) return false;
    const member = (name: string) => members!.find((m: AnyNode) => m.type === 'TSPropertySignature' && !m.optional && (m.key.name ?? m.key.value) === name);
    const role = member('role')?.typeAnnotation?.typeAnnotation;
    const content = member('content')?.typeAnnotation?.typeAnnotation;
    if (!role || content?.type !== 'TSStringKeyword') return false;
    const literals = role.type === 'TSUnionType' ? role.types : [role];
    return literals.every((l: AnyNode) => l.type === 'TSLiteralType' && ['user', 'assistant'].includes(staticString(l.literal) ?? ''));
  }

  // ------------------------------------------------------------ scope helpers

  /** The declarator that binds `name` as seen from `at`, when it is a `const` (or never reassigned `let`). */
  constDeclarator(name: string, at: ASTPath): AnyNode {
    const d = this.declarationOf(name, at);
    if (!d || d.node.type !== 'VariableDeclarator') return undefined;
    return d;
  }

  declarationOf(name: string, at: ASTPath): AnyNode {
    return declarationOf(name, at);
  }

  /** Identifier paths that refer to the binding declared at `decl` (same scope resolution). */
  referencePaths(name: string, decl: ASTPath): ASTPath[] {
    return referencePaths(this.j, this.ctx.root, name, decl);
  }

  referenceCount(name: string, decl: ASTPath): number {
    return this.referencePaths(name, decl).length;
  }

  /** `payload.x = v;` as a statement in the same block as the declaration, after it. */
  laterAssignment(use: ASTPath, decl: ASTPath): ASTPath | undefined {
    const member: AnyNode = use.parent?.node;
    if (member?.type !== 'MemberExpression' || member.object !== use.node) return undefined;
    const assign: AnyNode = use.parent.parent?.node;
    if (assign?.type !== 'AssignmentExpression' || assign.operator !== '=' || assign.left !== member) return undefined;
    const stmt = use.parent.parent.parent;
    if (stmt?.node.type !== 'ExpressionStatement') return undefined;
    const declStmt = decl.parent;
    if (!declStmt || stmt.parent?.node !== declStmt.parent?.node) return undefined;
    if (member.computed && staticString(member.property) === undefined) return undefined;
    return stmt as ASTPath;
  }

  findFunction(name: string, at: ASTPath): { node: AnyNode; path: ASTPath; bindingPath: ASTPath } | undefined {
    const d = this.declarationOf(name, at);
    if (!d) return undefined;
    const n: AnyNode = d.node;
    if (n.type === 'FunctionDeclaration') return { node: n, path: d, bindingPath: d };
    if (n.type === 'VariableDeclarator' && (d.parent.node as AnyNode).kind === 'const') {
      const init = n.init;
      if (init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) {
        return { node: init, path: (d as AnyNode).get('init'), bindingPath: d };
      }
    }
    return undefined;
  }
}

function required(fields: Map<string, AnyNode>, name: string, type: string): AnyNode {
  const v = fields.get(name);
  if (!v) block(`${type} block without ${name}`);
  return v;
}

function textBlock(j: CodemodContext['j'], value: AnyNode): AnyNode {
  return j.objectExpression([makeProperty(j, 'text', value)]);
}

/** `Buffer.from(data, "base64")`: Converse takes raw bytes and does the base64 encoding itself. */
function base64Bytes(j: CodemodContext['j'], data: AnyNode): AnyNode {
  return j.callExpression(j.memberExpression(j.identifier('Buffer'), j.identifier('from')), [data, j.stringLiteral('base64')]);
}

/** `JSON.stringify(x)` → x (also through `new TextEncoder().encode(...)` and `Buffer.from(...)`). */
function jsonStringifyArg(node: AnyNode): AnyNode | undefined {
  const n = unwrapExpression(node);
  if (n?.type !== 'CallExpression') return undefined;
  const c = n.callee;
  if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'JSON' && !c.computed && c.property.name === 'stringify') {
    // `JSON.stringify(x, null, 2)`: indentation does not change the JSON value.
    if (n.arguments.length === 1) return n.arguments[0];
    const [, replacer, space] = n.arguments;
    const plainReplacer = replacer && (replacer.type === 'NullLiteral' || (replacer.type === 'Literal' && replacer.value === null) || (replacer.type === 'Identifier' && replacer.name === 'undefined'));
    const plainSpace = !space || space.type === 'NumericLiteral' || isStringLiteral(space) || (space.type === 'Literal' && typeof space.value === 'number');
    return n.arguments.length <= 3 && plainReplacer && plainSpace ? n.arguments[0] : undefined;
  }
  if (c.type === 'MemberExpression' && !c.computed && c.property.name === 'encode' && c.object.type === 'NewExpression' && c.object.callee.name === 'TextEncoder' && n.arguments.length === 1) {
    return jsonStringifyArg(n.arguments[0]);
  }
  if (c.type === 'MemberExpression' && !c.computed && c.property.name === 'from' && c.object.type === 'Identifier' && c.object.name === 'Buffer' && n.arguments.length === 1) {
    return jsonStringifyArg(n.arguments[0]);
  }
  return undefined;
}

function removeStatementOf(j: CodemodContext['j'], declarator: ASTPath): void {
  const declaration: AnyNode = declarator.parent;
  if (declaration?.node.type === 'VariableDeclaration' && declaration.node.declarations.length === 1) {
    const holder = declaration.parent?.node;
    if (holder?.type === 'ExportNamedDeclaration') return; // exported: keep it
    j(declaration).remove();
  } else j(declarator).remove();
}

function isConstantExpression(n: AnyNode): boolean {
  const v = unwrapExpression(n);
  if (!v) return false;
  if (isStringLiteral(v) || v.type === 'NumericLiteral' || v.type === 'BooleanLiteral' || (v.type === 'Literal' && v.value !== null && typeof v.value !== 'object')) return true;
  if (v.type === 'TemplateLiteral') return v.expressions.length === 0;
  if (v.type === 'UnaryExpression' && v.operator === '-') return isConstantExpression(v.argument);
  if (v.type === 'ArrayExpression') return v.elements.every(isConstantExpression);
  if (v.type === 'ObjectExpression') return v.properties.every((p: AnyNode) => isPlainProperty(p) && !p.computed && isConstantExpression(p.value));
  return false;
}

/** A deep copy of a constant expression without location info (it is printed fresh). */
function cloneNode(n: AnyNode): AnyNode {
  if (Array.isArray(n)) return n.map(cloneNode);
  if (!n || typeof n !== 'object') return n;
  const out: AnyNode = {};
  for (const k of Object.keys(n)) {
    if (k === 'loc' || k === 'start' || k === 'end' || k === 'comments' || k === 'tokens' || k === 'original') continue;
    out[k] = cloneNode(n[k]);
  }
  return out;
}

/** The text of a one-turn `\n\nHuman: X\n\nAssistant:` prompt, or undefined. */
function singleTurn(s: string): string | undefined {
  const m = /^\n\nHuman: ?([\s\S]*)\n\nAssistant:$/.exec(s);
  if (!m || m[1].includes('\n\nHuman:') || m[1].includes('\n\nAssistant:')) return undefined;
  return m[1];
}

function escapeTemplate(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\n/g, '\\n');
}
