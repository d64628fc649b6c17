/**
 * model-ids: replaces deprecated, legacy and retired Claude model IDs with current ones, in every ID form
 * (base ID, inference-profile ID, foundation-model and inference-profile ARNs, Claude API names given to the
 * AnthropicBedrock client), and fixes the request parameters the new model rejects.
 *
 * Reads top to bottom:
 *  1. collect every string and template literal that is exactly a model ID;
 *  2. ask the model catalog what each becomes (src/models: target choice, profiles, ARNs);
 *  3. by where the ID sits: rewrite what selects a model for a call (limits beside it checked against the
 *     catalog); leave data about models (keys of catalogs, tables of IDs and migration maps, catalog entries
 *     with labels and prices, names in lists of other strings) untouched with a report note; remove a picker
 *     entry the rewrite would duplicate; mark only what is left to do (a comparison, a constant that keys
 *     data, limits the new model does not accept);
 *  4. for each rewritten ID that sits in a visible request, fix what the target rejects.
 */
import type { ASTPath } from 'jscodeshift';
import { MARKER_MAX_LENGTH } from '../../ast/markers';
import type { Codemod, CodemodContext } from '../../engine/types';
import { applyPlan, parseModelId, parseModelIdPattern, planReplacement, PLACEHOLDER, type ModelInfo, type ParsedModelId, type ReplacementPlan } from '../../models';
import { anthropicBedrockModels } from './anthropic-bedrock';
import { markerAnchor, referencesOf, type AnyNode } from './ast-utils';
import { classify, duplicateIn, isChoiceList, isStringList, keyedConstant, removeListEntry, type Position } from './positions';
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

/** A string that looks like a Bedrock model ID of any provider (`amazon.titan-…`, `us.anthropic.claude-…`). */
const BEDROCK_ID = /^(?:[a-z-]{2,7}\.)?[a-z0-9-]+\.[a-z0-9][\w.:-]*$/;
const isModelIdText = (text: string): boolean => parseModelIdPattern(text) !== null || BEDROCK_ID.test(text);

/**
 * A marker's line (at most MARKER_MAX_LENGTH characters) for a catalog message: the ID is dropped (the marker
 * sits on it) and so is the list of profiles the target has; the report keeps the whole message.
 */
function shortMarker(message: string, idText?: string): string {
  if (message.length <= MARKER_MAX_LENGTH) return message;
  let short = message
    .replace(/ \(it has: [^)]*\)/, '')
    .replace(/^application inference profile: .*$/, 'application inference profile: if it routes to a retired or deprecated Claude, make one for a current model')
    .replace(/^foundation-model ARN of [^:]+: (.+?) needs an inference profile.*$/, 'foundation-model ARN: $1 needs an inference-profile ARN (with your account ID) on demand');
  if (short.length > MARKER_MAX_LENGTH && idText && short.startsWith(`${idText}: `)) short = short.slice(idText.length + 2);
  return short;
}

/** Which catalog limit a key beside a model ID holds. */
function catalogLimit(key: string, target: ModelInfo): { name: string; value: number | null } | null {
  if (/output|^max_?tokens$/i.test(key)) return { name: 'max output', value: target.maxOutputTokens };
  if (/context|window|input/i.test(key)) return { name: 'context window', value: target.contextTokens };
  return null;
}

/**
 * Limits written beside a model choice, checked against the new model: the first one above its limit (then the
 * choice is not rewritten), and a report line either way.
 */
function checkLimits(limits: ReadonlyArray<{ key: string; value: number }>, target: ModelInfo | null): { misfit?: string; note: string } {
  if (!target) return { note: 'the limits beside it were not checked (the target is not in the catalog)' };
  const checked: string[] = [];
  for (const { key, value } of limits) {
    const limit = catalogLimit(key, target);
    if (!limit) continue;
    if (limit.value === null) {
      checked.push(`${key} ${value} (the ${limit.name} of ${target.name} is not documented: not checked)`);
      continue;
    }
    if (value > limit.value) return { misfit: `${key} ${value} exceeds the ${limit.name} of ${target.name} (${limit.value})`, note: '' };
    checked.push(`${key} ${value} fits (${limit.name} ${limit.value})`);
  }
  return { note: checked.length ? `limits beside it checked against ${target.name}: ${checked.join(', ')}` : '' };
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
    const mark = (path: ASTPath, message: string, idText?: string) => {
      const short = shortMarker(message, idText);
      ctx.marker(markerAnchor(ctx.j, path), short);
      // The whole explanation goes to the report when the marker's line had to be shorter.
      if (short !== message) ctx.note(message, path);
    };
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
      const what = describe(parsed);
      const position = positionOf(ctx, path);
      const leftAlone = (why: string) => ctx.note(`${what}: ${why}; left as it is`, path, 'left-alone');
      // Data about models stays as it is, whatever its ID would become.
      if (position.kind === 'key') {
        leftAlone('keys data about that model (a table that describes models)');
        continue;
      }
      if (position.kind === 'model-table') {
        leftAlone('a value in a table of model IDs (its keys name models or IDs, as in a migration map)');
        continue;
      }
      if (plan.action === 'mark') {
        if (position.kind === 'catalog-entry') leftAlone(`its ${position.keys.join(', ')} describe that model (a catalog entry)`);
        else if (position.kind === 'value' && position.list && isStringList(position.list) && !isChoiceList(position.list, isModelIdText)) {
          leftAlone('a model name in a list that is not a list of model choices');
        } else mark(path, plan.message, parsed.text);
        continue;
      }
      const next = applyPlan(parsed, plan);
      let limitsNote = '';
      switch (position.kind) {
        case 'comparison':
          mark(path, `compares with ${parsed.text}: update this check (calls now use ${plan.target?.name ?? next})`);
          continue;
        case 'keyed-constant':
          mark(path, `${position.name} also keys data about ${parsed.text}: add an entry for ${plan.target?.name ?? next}, then switch`);
          continue;
        case 'limits': {
          const check = checkLimits(position.limits, plan.target);
          if (check.misfit) {
            mark(path, `${check.misfit}: lower it, then switch this ID`);
            continue;
          }
          limitsNote = check.note;
          break;
        }
        default:
          break;
      }
      const full = text.slice(0, offset) + next + text.slice(offset + parsed.text.length);
      if ((position.kind === 'value' || position.kind === 'catalog-entry') && position.list) {
        const choices = isChoiceList(position.list, isModelIdText);
        if (choices && duplicateIn(position, path, text, full) && removeListEntry(position.list, occurrence.node)) {
          // A picker that already offers the replacement: the retired entry goes (first entry wins).
          ctx.note(`${what} would become ${next}, which this list of model choices already has: entry removed`, path, 'model');
          changed = true;
          continue;
        }
        if (!choices && isStringList(position.list)) {
          leftAlone('a model name in a list that is not a list of model choices');
          continue;
        }
      }
      if (position.kind === 'catalog-entry') {
        leftAlone(`its ${position.keys.join(', ')} describe that model (a catalog entry)`);
        continue;
      }
      write(ctx, occurrence, plan);
      changed = true;
      ctx.note(`${parsed.text} → ${next} (${parsed.model?.name ?? parsed.text} → ${plan.target?.name ?? next})${limitsNote ? `; ${limitsNote}` : ''}`, path, 'model');
      for (const note of plan.notes) ctx.note(note, path, note.startsWith('routing changed') ? 'routing' : undefined);
      if (plan.target) changed = fixRequestsFor(ctx, path, plan.target) || changed;
    }
    return changed;
  },
};

export default codemod;
