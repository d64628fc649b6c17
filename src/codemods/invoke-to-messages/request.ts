/**
 * The request side: the InvokeModel input `{ modelId, body: JSON.stringify({...}) }` → the argument of
 * `messages.create(...)`: the body object itself, minus `anthropic_version`, with `model` first.
 * Nothing is changed here: the plan lists what to change, and `applyRequest` does it once the whole site
 * (request and response) is known to be convertible.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import {
  declarationOf,
  getProperty,
  isPlainProperty,
  keyName,
  makeProperty,
  referencePaths,
  removeDeclarator,
  staticString,
  unwrapExpression,
  type AnyNode,
} from '../../ast/bedrock';
import { parseModelId } from '../../models';
import type { SiteKind } from './sites';
import { IGNORED_BETAS, MAX_NONSTREAMING_TOKENS, mantleModel, rejectsPrefill, SAMPLING_KEYS } from './surface';

export interface RequestPlan {
  /** The object literal that becomes the `messages.create` argument. */
  object: AnyNode;
  /** The `model` value: a literal or the constant that holds it. */
  model: AnyNode;
  /** A constant whose literal is rewritten in place (it is used by this call only). */
  modelLiteral?: { node: AnyNode; id: string };
  /** Declarations whose object literal moves into the call. */
  moved: ASTPath[];
  remove: string[];
  notes: string[];
}

/**
 * `silent`: not a Claude call at all (another vendor's model or body): no marker. `runtime`: the model ID or the
 * body is known only at run time (a gateway's shared send), so the call can be dispatched there (gateway.ts).
 */
export type RequestResult = { ok: true; plan: RequestPlan } | { ok: false; why: string; silent?: boolean; runtime?: boolean };

const INPUT_KEYS = new Set(['modelId', 'body', 'contentType', 'accept']);

/** A `const x = <init>` used only at `use`: its declarator path and init. */
function singleUseInit(j: JSCodeshift, root: Collection, name: string, at: ASTPath): { decl: ASTPath; init: AnyNode } | undefined {
  const decl = declarationOf(name, at);
  if (!decl || decl.node.type !== 'VariableDeclarator' || !decl.node.init) return undefined;
  if (referencePaths(j, root, name, decl).length !== 1) return undefined;
  return { decl, init: decl.node.init };
}

function isCall(node: AnyNode, object: string, method: string): boolean {
  const callee = node?.type === 'CallExpression' ? node.callee : undefined;
  return callee?.type === 'MemberExpression' && !callee.computed && callee.object.type === 'Identifier' && callee.object.name === object && callee.property.name === method;
}

/** `new TextEncoder().encode(x)` / `Buffer.from(x)` / `Buffer.from(x, 'utf8')` → x */
function unwrapEncoding(node: AnyNode): AnyNode {
  const n = unwrapExpression(node);
  if (isCall(n, 'Buffer', 'from')) return unwrapEncoding(n.arguments[0]);
  const callee = n?.type === 'CallExpression' ? n.callee : undefined;
  if (callee?.type === 'MemberExpression' && !callee.computed && callee.property.name === 'encode' && callee.object.type === 'NewExpression' && callee.object.callee.name === 'TextEncoder') {
    return unwrapEncoding(n.arguments[0]);
  }
  return n;
}

/** Resolves an object literal written in place or in a single-use variable. */
function objectLiteral(j: JSCodeshift, root: Collection, node: AnyNode, at: ASTPath, moved: ASTPath[]): AnyNode | undefined {
  const n = unwrapExpression(node);
  if (n?.type === 'ObjectExpression') return n;
  if (n?.type !== 'Identifier') return undefined;
  const found = singleUseInit(j, root, n.name, at);
  if (!found || unwrapExpression(found.init).type !== 'ObjectExpression') return undefined;
  moved.push(found.decl);
  return unwrapExpression(found.init);
}

/** The `JSON.stringify(<object>)` inside a body value (possibly held in a single-use variable). */
function bodyObject(j: JSCodeshift, root: Collection, value: AnyNode, at: ASTPath, moved: ASTPath[]): AnyNode | string {
  let n = unwrapEncoding(value);
  if (n?.type === 'Identifier') {
    const found = singleUseInit(j, root, n.name, at);
    if (!found) return `the body ("${n.name}") is not built in this file`;
    moved.push(found.decl);
    n = unwrapEncoding(found.init);
  }
  if (!isCall(n, 'JSON', 'stringify') || n.arguments.length !== 1) return 'the body is not a JSON.stringify(...) of an object';
  const object = objectLiteral(j, root, n.arguments[0], at, moved);
  return object ?? 'the body object is not built in this file';
}

/** The model ID text and the node that holds it. */
function modelText(j: JSCodeshift, root: Collection, value: AnyNode, at: ASTPath): { text: string; literal: AnyNode; name?: string; single: boolean } | string {
  const n = unwrapExpression(value);
  const text = staticString(n);
  if (text !== undefined) return { text, literal: n, single: true };
  if (n?.type === 'Identifier') {
    const decl = declarationOf(n.name, at);
    const init = decl?.node.type === 'VariableDeclarator' ? unwrapExpression(decl.node.init) : undefined;
    const constText = staticString(init);
    const isConst = decl?.parent?.node.kind === 'const';
    if (constText !== undefined && isConst) {
      return { text: constText, literal: init, name: n.name, single: referencePaths(j, root, n.name, decl).length === 1 };
    }
  }
  return 'the model ID is not known here (the Messages API on Bedrock takes mantle IDs only)';
}

/** Plans the create() argument for one site; `why` says why the site must stay on InvokeModel. */
export function planRequest(j: JSCodeshift, root: Collection, kind: SiteKind, input: AnyNode, at: ASTPath, source: string): RequestResult {
  const moved: ASTPath[] = [];
  const notes: string[] = [];
  const fail = (why: string): RequestResult => ({ ok: false, why });
  const runtime = (why: string): RequestResult => ({ ok: false, why, runtime: true });
  const inputObject = objectLiteral(j, root, input, at, moved);
  if (!inputObject) return runtime('the command input is not built in this file');
  for (const prop of inputObject.properties) {
    const key = isPlainProperty(prop) ? keyName(prop) : undefined;
    if (!key) return runtime('the command input has a spread or computed key');
    if (!INPUT_KEYS.has(key)) return fail(`\`${key}\` has no Messages API counterpart`);
  }
  const modelValue = getProperty(inputObject, 'modelId')?.value;
  const bodyValue = getProperty(inputObject, 'body')?.value;
  if (!modelValue || !bodyValue) return fail('the command input has no modelId or body');
  const model = modelText(j, root, modelValue, at);
  if (typeof model !== 'string' && !parseModelId(model.text)) return { ok: false, why: 'not a Claude model', silent: true };
  const object = bodyObject(j, root, bodyValue, at, moved);
  if (typeof object !== 'string' && !['anthropic_version', 'messages', 'prompt'].some((k) => getProperty(object, k))) {
    return { ok: false, why: 'not an Anthropic body', silent: true };
  }
  // A model known only at run time, with a body built elsewhere: a Claude site only where the file itself
  // writes Anthropic bodies (multi-provider code); embedding and other vendors' calls stay unmarked.
  if (typeof model === 'string' && typeof object === 'string' && !source.includes('anthropic_version')) {
    return { ok: false, why: 'not known to be a Claude call', silent: true };
  }
  if (typeof model === 'string') return runtime(model);
  const target = mantleModel(model.text);
  if (!target.ok) return fail(target.why);
  if (typeof object === 'string') return runtime(object);

  const keys = new Map<string, AnyNode>();
  for (const prop of object.properties) {
    const key = isPlainProperty(prop) ? keyName(prop) : undefined;
    if (!key) return runtime('the body has a spread, method or computed key');
    keys.set(key, prop);
  }
  if (keys.has('prompt')) return fail('a Text Completions body (prompt) has no Messages API form');
  if (!keys.has('messages') || !keys.has('max_tokens')) return fail('the body has no messages or max_tokens');
  if (keys.has('model') || keys.has('stream')) return fail('the body already names a model or stream');

  const remove: string[] = ['anthropic_version'];
  const sampling = SAMPLING_KEYS.filter((k) => keys.has(k));
  if (sampling.length) {
    remove.push(...sampling);
    notes.push(`removed ${sampling.join(', ')}: API version 2026-10-21 (SDK 1.x) rejects sampling parameters`);
  }
  const beta = keys.get('anthropic_beta');
  if (beta) {
    const flags = unwrapExpression(beta.value);
    const values = flags?.type === 'ArrayExpression' ? flags.elements.map(staticString) : [undefined];
    if (!values.every((v: string | undefined) => v !== undefined && IGNORED_BETAS.has(v))) {
      return fail('anthropic_beta has no place on the Messages API on Bedrock (no anthropic-beta header)');
    }
    remove.push('anthropic_beta');
    notes.push(`removed anthropic_beta ${values.join(', ')}: ignored by the 4.x models the Messages API serves`);
  }
  const thinking = unwrapExpression(keys.get('thinking')?.value);
  const thinkingType = thinking?.type === 'ObjectExpression' ? staticString(getProperty(thinking, 'type')?.value) : undefined;
  if (thinkingType && !target.model.constraints.thinking.includes(thinkingType as never)) {
    return fail(`${target.model.name} rejects thinking type "${thinkingType}"`);
  }
  const messages = unwrapExpression(keys.get('messages').value);
  if (messages.type === 'ArrayExpression' && rejectsPrefill(target.model)) {
    const last = unwrapExpression(messages.elements.at(-1));
    if (last?.type === 'ObjectExpression' && staticString(getProperty(last, 'role')?.value) === 'assistant') {
      return fail(`${target.model.name} rejects a prefilled assistant turn`);
    }
  }
  const maxTokens = unwrapExpression(keys.get('max_tokens').value);
  if (kind === 'invoke' && maxTokens.type === 'NumericLiteral' && maxTokens.value > MAX_NONSTREAMING_TOKENS) {
    return fail(`max_tokens above ${MAX_NONSTREAMING_TOKENS} needs streaming with the Messages API SDK`);
  }
  if (target.dropped) notes.push(`model ${model.text} → ${target.id}: the Messages API on Bedrock takes no ${target.dropped}`);
  else if (target.changed) notes.push(`model ${model.text} → ${target.id} (the Messages API on Bedrock ID)`);

  let modelNode: AnyNode;
  let modelLiteral: RequestPlan['modelLiteral'];
  if (model.name && (!target.changed || model.single)) {
    modelNode = j.identifier(model.name);
    if (target.changed) modelLiteral = { node: model.literal, id: target.id };
  } else {
    modelNode = target.changed ? j.stringLiteral(target.id) : model.literal;
  }
  return { ok: true, plan: { object, model: modelNode, modelLiteral, moved, remove, notes } };
}

/** Applies a plan: the object literal gets `model` first (and `stream: true`), loses what the plan removes. */
export function applyRequest(j: JSCodeshift, plan: RequestPlan, kind: SiteKind): AnyNode {
  const object = plan.object;
  object.properties = object.properties.filter((p: AnyNode) => !plan.remove.includes(keyName(p) ?? ''));
  object.properties.unshift(makeProperty(j, 'model', plan.model));
  if (kind === 'stream') object.properties.push(makeProperty(j, 'stream', j.booleanLiteral(true)));
  if (plan.modelLiteral) {
    const literal = plan.modelLiteral.node;
    if (literal.type === 'TemplateLiteral') {
      literal.quasis[0].value = { raw: plan.modelLiteral.id, cooked: plan.modelLiteral.id };
    } else {
      literal.value = plan.modelLiteral.id;
      if (literal.extra) literal.extra = undefined;
    }
  }
  for (const decl of plan.moved) removeDeclarator(j, decl);
  return object;
}
