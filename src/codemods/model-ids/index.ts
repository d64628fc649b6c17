/**
 * model-ids: replaces deprecated, legacy and retired Claude model IDs with current ones, in every ID form
 * (base ID, inference-profile ID, foundation-model and inference-profile ARNs, Claude API names given to the
 * AnthropicBedrock client), and fixes the request parameters the new model rejects.
 *
 * Reads top to bottom:
 *  1. collect every string and template literal that is exactly a model ID;
 *  2. ask the model catalog what each becomes (src/models: target choice, profiles, ARNs);
 *  3. by where the ID sits: rewrite what selects a model for a call; leave data about models (keys of
 *     catalogs, picker entries with labels and limits, comparisons, list entries that would duplicate) with a
 *     marker;
 *  4. for each rewritten ID that sits in a visible request, fix what the target rejects.
 */
import type { ASTPath } from 'jscodeshift';
import type { Codemod, CodemodContext } from '../../engine/types';
import { applyPlan, parseModelId, parseModelIdPattern, planReplacement, PLACEHOLDER, type ParsedModelId, type ReplacementPlan } from '../../models';
import { anthropicBedrockModels } from './anthropic-bedrock';
import { markerAnchor, referencesOf, type AnyNode } from './ast-utils';
import { classify, duplicateIn, keyedConstant, type Position } from './positions';
import { fixRequestsFor, requestNeedsFor, requestsFor } from './request-fixes';
import { setQuasi, setStringValue } from './strings';

interface Occurrence {
  path: ASTPath;
  node: AnyNode;
  parsed: ParsedModelId;
  /** The whole text of the literal (interpolations as PLACEHOLDER) and where the parsed ID starts in it. */
  text: string;
  offset: number;
}

/** The model segment of a bedrock-runtime URL path: `…/model/<id>/invoke` (also the stream and Converse paths). */
const RUNTIME_PATH = /\/model\/([^/?#\s\u0000]+)\/(?:invoke|invoke-with-response-stream|converse|converse-stream)(?=$|[?#])/;

/** Cheap test before parsing: the text can only be a model ID if it mentions one of these. */
function mayBeModelId(text: string): boolean {
  return text.includes('anthropic.claude-') || text.includes('application-inference-profile/') || text.startsWith('claude-');
}

/** The text of a template literal with each interpolation replaced by PLACEHOLDER. */
function templateText(node: AnyNode): string | null {
  const quasis = node.quasis as AnyNode[];
  if (quasis.some((q) => q.value.cooked !== q.value.raw)) return null;
  return quasis.map((q) => q.value.cooked as string).join(PLACEHOLDER);
}

function collect(ctx: CodemodContext): Occurrence[] {
  const { j, root } = ctx;
  const found: Occurrence[] = [];
  let bedrockValues: Set<AnyNode> | undefined;
  const isAnthropicBedrockModel = (node: AnyNode) => {
    if (!ctx.file.source.includes('@anthropic-ai/bedrock-sdk')) return false;
    bedrockValues ??= anthropicBedrockModels(j, root);
    return bedrockValues.has(node);
  };
  const consider = (path: ASTPath, node: AnyNode, text: string) => {
    if (!mayBeModelId(text)) return;
    const parsed = parseModelIdPattern(text);
    if (parsed) {
      if (parsed.kind === 'first-party' && !isAnthropicBedrockModel(node)) return;
      found.push({ path, node, parsed, text, offset: 0 });
      return;
    }
    // A bedrock-runtime URL (`fetch(`https://bedrock-runtime.…/model/${id}/invoke`)`): only its model segment.
    const url = RUNTIME_PATH.exec(text);
    const segment = url ? parseModelId(url[1]!) : null;
    if (url && segment && segment.kind !== 'first-party') {
      found.push({ path, node, parsed: segment, text, offset: url.index + '/model/'.length });
    }
  };
  root.find(j.Literal).forEach((path) => {
    const node = path.node as AnyNode;
    if (typeof node.value !== 'string' || (node.type !== 'StringLiteral' && node.type !== 'Literal')) return;
    consider(path as ASTPath, node, node.value);
  });
  root.find(j.TemplateLiteral).forEach((path) => {
    if ((path.parentPath.node as AnyNode).type === 'TaggedTemplateExpression') return;
    const text = templateText(path.node as AnyNode);
    if (text !== null) consider(path as ASTPath, path.node as AnyNode, text);
  });
  // Document order, so "first entry wins" in lists is the order a reader sees.
  return found.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));
}

function describe(parsed: ParsedModelId): string {
  const model = parsed.model;
  if (!model) return parsed.text;
  return parsed.misspelled ? `${parsed.text} (not a valid Bedrock ID)` : `${parsed.text} (${model.name}, ${model.status})`;
}

/** The marker for an ID left in place because of where it sits. */
function dataMessage(position: Position, parsed: ParsedModelId, next: string): string {
  const what = describe(parsed);
  switch (position.kind) {
    case 'key':
      return `${what} keys data about that model, so it was not renamed; add an entry for ${next} if the code looks it up`;
    case 'catalog-entry':
      return `model catalog entry for ${what}: its ${position.keys.join(', ')} describe that model, so it was not renamed; add an entry for ${next}`;
    case 'comparison':
      return `compares with ${what}; the code now selects ${next}: update this check`;
    case 'keyed-constant':
      return `${what}: ${position.name} is also a key of data about that model, so it was not renamed; add an entry for ${next} and switch to it`;
    default:
      return `${what} would become ${next}, which this list already has; remove this entry`;
  }
}

/** Writes the new ID text into the literal (string: whole value; template: the quasi holding the base ID). */
function write(ctx: CodemodContext, occurrence: Occurrence, plan: Extract<ReplacementPlan, { action: 'rewrite' }>): string {
  const { node, parsed, text, offset } = occurrence;
  const next = applyPlan(parsed, plan);
  // The part that changes (from the base ID, or the inserted prefix, to the end of the ID) never spans an
  // interpolation, so it sits in one quasi of a template literal.
  const start = offset + parsed.baseStart;
  const end = offset + parsed.text.length;
  const inserted = next.slice(parsed.baseStart);
  if (node.type === 'TemplateLiteral') {
    let at = 0;
    for (const quasi of node.quasis as AnyNode[]) {
      const cooked = quasi.value.cooked as string;
      if (start >= at && end <= at + cooked.length) {
        setQuasi(quasi, cooked.slice(0, start - at) + inserted + cooked.slice(end - at));
        break;
      }
      at += cooked.length + PLACEHOLDER.length;
    }
  } else {
    setStringValue(node, text.slice(0, start) + inserted + text.slice(end), ctx.style.quote);
  }
  return next;
}

/** True when the literal is an argument of a call or `new` whose callee names a FoundationModel (CDK). */
function inFoundationModelCall(path: ASTPath): boolean {
  let top = path;
  while (top.parentPath && ['TSAsExpression', 'TSSatisfiesExpression', 'ParenthesizedExpression'].includes((top.parentPath.node as AnyNode).type)) {
    top = top.parentPath as ASTPath;
  }
  const call = top.parentPath?.parentPath?.node as AnyNode | undefined;
  if (!call || (call.type !== 'CallExpression' && call.type !== 'NewExpression') || !call.arguments.includes(top.node)) return false;
  const callee = call.callee as AnyNode;
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : '';
  return /FoundationModel/.test(String(name));
}

/** Where the literal sits, including a `const` that is also used as a key of model data. */
function positionOf(ctx: CodemodContext, path: ASTPath): Position {
  const position = classify(path);
  if (position.kind !== 'value') return position;
  const name = keyedConstant(path, (declarator) => referencesOf(ctx.j, ctx.root, declarator));
  return name === null ? position : { kind: 'keyed-constant', name };
}

const codemod: Codemod = {
  name: 'model-ids',
  run(ctx) {
    let changed = false;
    const mark = (path: ASTPath, message: string) => ctx.marker(markerAnchor(ctx.j, path), message);
    for (const occurrence of collect(ctx)) {
      const { path, parsed, text, offset } = occurrence;
      if (ctx.isIgnored(path)) continue;
      // An application inference profile is only worth a marker where it selects the model of a request.
      if (parsed.kind === 'application-inference-profile-arn' && requestsFor(ctx, path).length === 0) continue;
      // An ID given to CDK's FoundationModelIdentifier / fromFoundationModelId names a foundation model,
      // never an inference profile: no prefix is added there.
      const options = { ...ctx.options, ...(inFoundationModelCall(path) ? { profile: 'none' } : {}), request: requestNeedsFor(ctx, path) };
      const plan = planReplacement(parsed, options);
      if (plan.action === 'keep') continue;
      if (plan.action === 'mark') {
        mark(path, plan.message);
        continue;
      }
      const next = applyPlan(parsed, plan);
      const position = positionOf(ctx, path);
      if (position.kind !== 'value') {
        mark(path, dataMessage(position, parsed, next));
        continue;
      }
      if (duplicateIn(position, path, text, text.slice(0, offset) + next + text.slice(offset + parsed.text.length))) {
        mark(path, dataMessage({ kind: 'duplicate' }, parsed, next));
        continue;
      }
      write(ctx, occurrence, plan);
      changed = true;
      for (const note of plan.notes) ctx.note(note, path);
      if (plan.target) changed = fixRequestsFor(ctx, path, plan.target) || changed;
    }
    return changed;
  },
};

export default codemod;
