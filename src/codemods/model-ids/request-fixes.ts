import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import type { ModelInfo } from '../../models';
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

/** When `valuePath` is the value of a `modelId` / `model` property, the object literal that holds it. */
function requestHolding(valuePath: ASTPath): { object: ASTPath; key: string } | undefined {
  const top = outer(valuePath);
  const prop = top.parentPath as ASTPath | undefined;
  if (!prop || !isObjectProperty(prop.node as AnyNode) || (prop.node as AnyNode).value !== top.node) return undefined;
  const key = propertyName(prop.node as AnyNode);
  if (!key || !MODEL_KEYS.has(key)) return undefined;
  const object = prop.parentPath?.parentPath as ASTPath | undefined;
  if (!object || (object.node as AnyNode).type !== 'ObjectExpression') return undefined;
  return { object, key };
}

/**
 * The request object literals a model ID literal certainly selects the model for: the object whose
 * `modelId` / `model` property is the literal itself, or a `const` bound to the literal.
 * A literal that is only a fallback (`process.env.X ?? "…"`) is not certain, so it gives none.
 */
export function requestsFor(ctx: CodemodContext, literalPath: ASTPath): Array<{ object: ASTPath; key: string }> {
  const direct = requestHolding(literalPath);
  if (direct) return [direct];
  const top = outer(literalPath);
  const declarator = top.parentPath as ASTPath | undefined;
  if (!declarator || (declarator.node as AnyNode).type !== 'VariableDeclarator' || (declarator.node as AnyNode).init !== top.node) return [];
  const id = (declarator.node as AnyNode).id as AnyNode;
  if (id.type !== 'Identifier' || constDeclarator(ctx.j, declarator, id.name) !== declarator) return [];
  const found: Array<{ object: ASTPath; key: string }> = [];
  for (const ref of referencesOf(ctx.j, ctx.root, declarator)) {
    const holder = requestHolding(ref);
    if (holder) found.push(holder);
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

/** Sampling and thinking fixes on one parameter object. `names` maps the shape's field names. */
function fixSampling(
  ctx: CodemodContext,
  params: ASTPath,
  target: ModelInfo,
  names: { temperature: string; topP: string; topK: string | null },
  anchor: ASTPath,
): boolean {
  const rule = target.constraints.sampling;
  if (rule === 'none') {
    const removed = removeProperties(params, [names.temperature, names.topP, ...(names.topK ? [names.topK] : [])]);
    if (removed.length === 0) return false;
    ctx.marker(markerAnchor(ctx.j, anchor), `${target.name} rejects non-default temperature, top_p and top_k (400): removed ${removed.join(', ')}`);
    return true;
  }
  if (rule === 'temperature-xor-top-p' && has(params, names.temperature) && has(params, names.topP)) {
    removeProperties(params, [names.topP]);
    ctx.marker(markerAnchor(ctx.j, anchor), `${target.name} accepts temperature or ${names.topP}, not both (400 when both are set): kept temperature, removed ${names.topP}`);
    return true;
  }
  return false;
}

function fixThinking(ctx: CodemodContext, holder: ASTPath, target: ModelInfo, anchor: ASTPath): boolean {
  const thinking = objectValuePath(holder, 'thinking');
  if (!thinking) return false;
  const typeProp = propertyPath(thinking, 'type');
  const typeValue = typeProp ? ((typeProp.node as AnyNode).value as AnyNode) : null;
  if (staticString(typeValue) !== 'enabled' || target.constraints.thinking.includes('enabled')) return false;
  if (!target.constraints.thinking.includes('adaptive') || typeValue!.type === 'TemplateLiteral') {
    ctx.marker(markerAnchor(ctx.j, anchor), `${target.name} does not accept thinking type "enabled" (400); change the thinking settings by hand`);
    return true;
  }
  setStringValue(typeValue!, 'adaptive', ctx.style.quote);
  removeProperties(thinking, ['budget_tokens']);
  ctx.marker(
    anchor,
    `${target.name} does not accept thinking type "enabled" (400): switched to adaptive thinking and removed budget_tokens; tune it with output_config.effort`,
  );
  return true;
}

function checkMaxTokens(ctx: CodemodContext, params: ASTPath, name: string, target: ModelInfo, anchor: ASTPath): boolean {
  const value = numberValue(params, name);
  if (value === null || target.maxOutputTokens === null || value <= target.maxOutputTokens) return false;
  ctx.marker(markerAnchor(ctx.j, anchor), `${name} ${value} is above ${target.name}'s output limit of ${target.maxOutputTokens} tokens`);
  return true;
}

/** Fixes an Anthropic Messages body (InvokeModel body or AnthropicBedrock params). */
function fixAnthropicShape(ctx: CodemodContext, body: ASTPath, target: ModelInfo): boolean {
  let changed = fixSampling(ctx, body, target, { temperature: 'temperature', topP: 'top_p', topK: 'top_k' }, body);
  changed = fixThinking(ctx, body, target, body) || changed;
  changed = checkMaxTokens(ctx, body, 'max_tokens', target, body) || changed;
  if (has(body, 'prompt') || has(body, 'max_tokens_to_sample')) {
    ctx.note(`${target.name} only accepts the Messages API: this Text Completions body must be converted (the invoke-to-converse codemod does it)`, body);
  }
  return changed;
}

/** Fixes a Converse request (`inferenceConfig`, `additionalModelRequestFields`). */
function fixConverseShape(ctx: CodemodContext, request: ASTPath, target: ModelInfo): boolean {
  let changed = false;
  const inference = objectValuePath(request, 'inferenceConfig');
  const additional = objectValuePath(request, 'additionalModelRequestFields');
  if (inference) {
    const anchor = propertyPath(request, 'inferenceConfig')!;
    changed = fixSampling(ctx, inference, target, { temperature: 'temperature', topP: 'topP', topK: null }, anchor) || changed;
    changed = checkMaxTokens(ctx, inference, 'maxTokens', target, anchor) || changed;
  }
  if (additional) {
    const anchor = propertyPath(request, 'additionalModelRequestFields')!;
    if (target.constraints.sampling === 'none') {
      const removed = removeProperties(additional, ['top_k']);
      if (removed.length) {
        ctx.marker(markerAnchor(ctx.j, anchor), `${target.name} rejects non-default temperature, top_p and top_k (400): removed top_k`);
        changed = true;
      }
    }
    changed = fixThinking(ctx, additional, target, anchor) || changed;
  }
  return changed;
}

/**
 * Target-aware fixes for the requests a rewritten model ID certainly selects: fixes what the target rejects
 * (temperature with top_p, sampling parameters, thinking type "enabled") and leaves a marker saying why.
 */
export function fixRequestsFor(ctx: CodemodContext, literalPath: ASTPath, target: ModelInfo): boolean {
  let changed = false;
  for (const { object, key } of requestsFor(ctx, literalPath)) {
    if (key === 'model') {
      // AnthropicBedrock `messages.create({ model, max_tokens, … })`: the object is the Anthropic body.
      if (has(object, 'messages') || has(object, 'max_tokens')) changed = fixAnthropicShape(ctx, object, target) || changed;
      continue;
    }
    const body = anthropicBody(ctx, object);
    if (body) changed = fixAnthropicShape(ctx, body, target) || changed;
    changed = fixConverseShape(ctx, object, target) || changed;
  }
  return changed;
}
