import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import type { ModelInfo } from '../../models';
import type { RequestNeeds } from '../../models/targets';
import { endsWithAssistantTurn } from '../../ast/messages';
import { rulesFor } from '../../models/rules';
import {
  constDeclarator,
  isObjectProperty,
  markerAnchor,
  objectValuePath,
  propertyName,
  propertyPath,
  referencesOf,
  removeProperties,
  staticString,
  unwrap,
  unwrapPath,
  type AnyNode,
} from './ast-utils';
import { setStringValue } from './strings';

const MODEL_KEYS = new Set(['modelId', 'model']);
const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression']);

/** Climbs from a value through `as`, `satisfies`, `!` and parentheses. */
function outer(path: ASTPath): ASTPath {
  let current = path;
  while (current.parentPath && WRAPPERS.has((current.parentPath.node as AnyNode).type)) current = current.parentPath as ASTPath;
  return current;
}

/** A request object and whether the rewritten ID certainly selects its model (not only as a run-time choice). */
export interface RequestRef {
  object: ASTPath;
  key: string;
  certain: boolean;
}

/** Climbs through wrappers and run-time choices (`x ?? "id"`, `c ? "id" : y`); a choice makes it uncertain. */
function climb(path: ASTPath): { top: ASTPath; certain: boolean } {
  let current = path;
  let certain = true;
  for (;;) {
    const parent = current.parentPath?.node as AnyNode | undefined;
    if (!parent) break;
    if (WRAPPERS.has(parent.type)) {
      current = current.parentPath as ASTPath;
    } else if (parent.type === 'LogicalExpression' || (parent.type === 'ConditionalExpression' && parent.test !== current.node)) {
      certain = false;
      current = current.parentPath as ASTPath;
    } else {
      break;
    }
  }
  return { top: current, certain };
}

/** When `valuePath` is (a choice in) the value of a `modelId` / `model` property, the object literal holding it. */
function requestHolding(valuePath: ASTPath): RequestRef | undefined {
  const { top, certain } = climb(valuePath);
  const prop = top.parentPath as ASTPath | undefined;
  if (!prop || !isObjectProperty(prop.node as AnyNode) || (prop.node as AnyNode).value !== top.node) return undefined;
  const key = propertyName(prop.node as AnyNode);
  if (!key || !MODEL_KEYS.has(key)) return undefined;
  const object = prop.parentPath?.parentPath as ASTPath | undefined;
  if (!object || (object.node as AnyNode).type !== 'ObjectExpression') return undefined;
  return { object, key, certain };
}

/**
 * The request object literals a model-ID literal selects the model for: the object whose `modelId` / `model`
 * property is the literal, or a `const` bound to it. `certain` is false when the literal is only one run-time
 * choice (`process.env.X ?? "…"`, `fast ? A : B`): those requests get markers, not fixes.
 */
export function requestsFor(ctx: CodemodContext, literalPath: ASTPath): RequestRef[] {
  const direct = requestHolding(literalPath);
  if (direct) return [direct];
  const { top, certain } = climb(literalPath);
  const declarator = top.parentPath as ASTPath | undefined;
  if (!declarator || (declarator.node as AnyNode).type !== 'VariableDeclarator' || (declarator.node as AnyNode).init !== top.node) return [];
  const id = (declarator.node as AnyNode).id as AnyNode;
  if (id.type !== 'Identifier' || constDeclarator(ctx.j, declarator, id.name) !== declarator) return [];
  const found: RequestRef[] = [];
  for (const ref of referencesOf(ctx.j, ctx.root, declarator)) {
    const holder = requestHolding(ref);
    if (holder) found.push({ ...holder, certain: holder.certain && certain });
  }
  return found;
}

function has(objectPath: ASTPath, name: string): boolean {
  return !!propertyPath(objectPath, name);
}

/** The object literal an Anthropic body is built from: `body: JSON.stringify({...})` or `JSON.stringify(payload)`. */
function anthropicBody(ctx: CodemodContext, request: ASTPath): ASTPath | undefined {
  const bodyProp = propertyPath(request, 'body');
  if (!bodyProp) return undefined;
  const value = unwrap((bodyProp.node as AnyNode).value);
  if (value.type !== 'CallExpression') return undefined;
  const callee = value.callee as AnyNode;
  const isStringify =
    callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'JSON' && callee.property.name === 'stringify';
  if (!isStringify || value.arguments.length === 0) return undefined;
  const argPath = unwrapPath(unwrapPath(bodyProp.get('value') as ASTPath).get('arguments', 0) as ASTPath);
  const arg = argPath.node as AnyNode;
  if (arg.type === 'ObjectExpression') return argPath;
  if (arg.type === 'Identifier') {
    const declarator = constDeclarator(ctx.j, argPath, arg.name);
    if (!declarator || !(declarator.node as AnyNode).init) return undefined;
    const initPath = unwrapPath(declarator.get('init') as ASTPath);
    return (initPath.node as AnyNode).type === 'ObjectExpression' ? initPath : undefined;
  }
  return undefined;
}

function numberValue(objectPath: ASTPath, name: string): number | null {
  const prop = propertyPath(objectPath, name);
  const value = prop ? ((prop.node as AnyNode).value as AnyNode) : null;
  if (value && (value.type === 'NumericLiteral' || (value.type === 'Literal' && typeof value.value === 'number'))) return value.value;
  return null;
}

/**
 * One request's fixes for one target. When the model is only a run-time choice (`certain` false) nothing is
 * removed: the marker says what the target would reject.
 */
interface Fix {
  ctx: CodemodContext;
  target: ModelInfo;
  certain: boolean;
}

function mark(fix: Fix, anchor: ASTPath, message: string): void {
  const text = fix.certain ? message : `if ${fix.target.name} serves this request (the model is chosen at run time): ${message}`;
  fix.ctx.marker(markerAnchor(fix.ctx.j, anchor), text);
}

/** Sampling fixes on one parameter object. `names` maps the shape's field names. */
function fixSampling(fix: Fix, params: ASTPath, names: { temperature: string; topP: string; topK: string | null }, anchor: ASTPath): boolean {
  const { target } = fix;
  const rule = rulesFor(target).sampling;
  if (rule === 'none') {
    const fields = [names.temperature, names.topP, ...(names.topK ? [names.topK] : [])].filter((n) => has(params, n));
    if (fields.length === 0) return false;
    if (!fix.certain) {
      mark(fix, anchor, `it rejects non-default temperature, top_p and top_k (400): remove ${fields.join(', ')}`);
      return true;
    }
    removeProperties(params, fields, fix.ctx);
    mark(fix, anchor, `${target.name} rejects non-default temperature, top_p and top_k (400): removed ${fields.join(', ')}`);
    return true;
  }
  if (rule === 'temperature-xor-top-p' && has(params, names.temperature) && has(params, names.topP)) {
    if (!fix.certain) {
      mark(fix, anchor, `it accepts temperature or ${names.topP}, not both (400 when both are set): keep one`);
      return true;
    }
    removeProperties(params, [names.topP], fix.ctx);
    mark(fix, anchor, `${target.name} accepts temperature or ${names.topP}, not both (400 when both are set): kept temperature, removed ${names.topP}`);
    return true;
  }
  return false;
}

function fixThinking(fix: Fix, holder: ASTPath, anchor: ASTPath): boolean {
  const { target } = fix;
  const thinking = objectValuePath(holder, 'thinking');
  if (!thinking) return false;
  const typeProp = propertyPath(thinking, 'type');
  const typeValue = typeProp ? ((typeProp.node as AnyNode).value as AnyNode) : null;
  if (staticString(typeValue) !== 'enabled' || rulesFor(target).thinking.includes('enabled')) return false;
  if (!fix.certain || !rulesFor(target).thinking.includes('adaptive') || typeValue!.type === 'TemplateLiteral') {
    const how = rulesFor(target).thinking.includes('adaptive') ? 'use {type: "adaptive"}' : 'change the thinking settings';
    mark(fix, anchor, `${fix.certain ? target.name : 'it'} does not accept thinking type "enabled" (400): ${how}`);
    return true;
  }
  setStringValue(typeValue!, 'adaptive', fix.ctx.style.quote);
  removeProperties(thinking, ['budget_tokens'], fix.ctx);
  mark(
    fix,
    anchor,
    `${target.name} does not accept thinking type "enabled" (400): switched to adaptive thinking and removed budget_tokens; tune it with output_config.effort`,
  );
  return true;
}

function checkMaxTokens(fix: Fix, params: ASTPath, name: string, anchor: ASTPath): boolean {
  const { target } = fix;
  const value = numberValue(params, name);
  if (value === null || target.maxOutputTokens === null || value <= target.maxOutputTokens) return false;
  mark(fix, anchor, `${name} ${value} is above ${target.name}'s output limit of ${target.maxOutputTokens} tokens`);
  return true;
}

/** Fixes an Anthropic Messages body (InvokeModel body or AnthropicBedrock params). */
function fixAnthropicShape(fix: Fix, body: ASTPath): boolean {
  let changed = fixSampling(fix, body, { temperature: 'temperature', topP: 'top_p', topK: 'top_k' }, body);
  changed = fixThinking(fix, body, body) || changed;
  changed = checkMaxTokens(fix, body, 'max_tokens', body) || changed;
  if (has(body, 'prompt') || has(body, 'max_tokens_to_sample')) {
    fix.ctx.note(
      `${fix.target.name} only accepts the Messages API: this Text Completions body must be converted (the invoke-to-converse codemod does it)`,
      body,
    );
  }
  return changed;
}

/** Fixes a Converse request (`inferenceConfig`, `additionalModelRequestFields`). */
function fixConverseShape(fix: Fix, request: ASTPath): boolean {
  let changed = false;
  const inference = objectValuePath(request, 'inferenceConfig');
  const additional = objectValuePath(request, 'additionalModelRequestFields');
  if (inference) {
    const anchor = propertyPath(request, 'inferenceConfig')!;
    changed = fixSampling(fix, inference, { temperature: 'temperature', topP: 'topP', topK: null }, anchor) || changed;
    changed = checkMaxTokens(fix, inference, 'maxTokens', anchor) || changed;
  }
  if (additional) {
    const anchor = propertyPath(request, 'additionalModelRequestFields')!;
    if (rulesFor(fix.target).sampling === 'none' && has(additional, 'top_k')) {
      if (fix.certain) {
        removeProperties(additional, ['top_k'], fix.ctx);
        mark(fix, anchor, `${fix.target.name} rejects non-default temperature, top_p and top_k (400): removed top_k`);
      } else {
        mark(fix, anchor, 'it rejects non-default temperature, top_p and top_k (400): remove top_k');
      }
      changed = true;
    }
    changed = fixThinking(fix, additional, anchor) || changed;
  }
  return changed;
}

/**
 * Target-aware fixes for the requests a rewritten model ID selects: fixes what the target rejects (temperature
 * with top_p, sampling parameters, thinking type "enabled") and leaves a marker saying why. Where the model is
 * only a run-time choice the marker says what to change and nothing is removed.
 */
export function fixRequestsFor(ctx: CodemodContext, literalPath: ASTPath, target: ModelInfo): boolean {
  let changed = false;
  for (const { object, key, certain } of requestsFor(ctx, literalPath)) {
    const fix: Fix = { ctx, target, certain };
    if (key === 'model') {
      // AnthropicBedrock `messages.create({ model, max_tokens, … })`: the object is the Anthropic body.
      if (has(object, 'messages') || has(object, 'max_tokens')) changed = fixAnthropicShape(fix, object) || changed;
      continue;
    }
    const body = anthropicBody(ctx, object);
    if (body) changed = fixAnthropicShape(fix, body) || changed;
    changed = fixConverseShape(fix, object) || changed;
  }
  return changed;
}

/**
 * What the requests a model-ID literal selects need from their target: a request that ends with an assistant
 * turn (a prefill) needs a model that accepts one (fact sheet §8), so the target choice skips those that do not.
 */
export function requestNeedsFor(ctx: CodemodContext, literalPath: ASTPath): RequestNeeds {
  let prefill = false;
  for (const { object, key } of requestsFor(ctx, literalPath)) {
    const body = key === 'model' ? object : (anthropicBody(ctx, object) ?? object);
    if (endsWithAssistantTurn(body.node, body)) prefill = true;
  }
  return prefill ? { prefill } : {};
}
