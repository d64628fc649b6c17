import type { ASTPath } from 'jscodeshift';
import { isObjectProperty, propertyName, staticString, type AnyNode } from './ast-utils';

/**
 * Where a model ID sits, which decides whether it may be rewritten ("data about models is not a call"):
 * - `key`: a key of an object, interface or `Map` entry: the value next to it is data about that model;
 * - `catalog-entry`: the ID of an object that also carries labels, prices or limits of that model;
 * - `comparison`: `===`, `switch` case, `.includes()` / `.startsWith()`: a branch on one model;
 * - `keyed-constant`: a `const` whose name is also used as a key of data (`{ [HAIKU]: price }`, Map entries);
 * - `model-table`: a value of an object whose keys are model IDs or name one model version each
 *   (`{ "anthropic.claude-v2": "…" }` migration maps, `{ CLAUDE_3_5_SONNET: "…" }` tables of IDs);
 * - `limits`: the ID of an object that carries only limits beside it (`fast: { id, maxOutputTokens }`): a
 *   choice whose limits must be checked against the new model;
 * - `duplicate`: an entry a rewrite would make equal to another entry of its list;
 * - `value`: anything else that selects a model (the literal is rewritten). `list` names the array or
 *   the value is an entry of, for the duplicate check.
 */
export type Position =
  | { kind: 'key' }
  | { kind: 'keyed-constant'; name: string }
  | { kind: 'catalog-entry'; keys: string[]; list?: { holder: AnyNode; key: string | null }; entry?: AnyNode }
  | { kind: 'model-table' }
  | { kind: 'limits'; limits: Array<{ key: string; value: number }> }
  | { kind: 'comparison' }
  | { kind: 'duplicate' }
  | { kind: 'value'; list?: { holder: AnyNode; key: string | null } };

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression']);

/** Keys that make an object a request (or request options), not a description of a model. */
const REQUEST_KEYS = new Set([
  'messages',
  'body',
  'system',
  'inferenceConfig',
  'toolConfig',
  'additionalModelRequestFields',
  'prompt',
  'anthropic_version',
  'max_tokens',
  'max_tokens_to_sample',
  'maxTokens',
  'contentType',
  'accept',
  'stream',
  'tools',
  'tool_choice',
  'thinking',
  'temperature',
  'top_p',
  'top_k',
  'stop_sequences',
  'guardrailConfig',
  'guardrailIdentifier',
  'performanceConfig',
]);

/** Keys that describe a model: names and labels, prices, context and output limits, capabilities. */
const DESCRIPTOR_KEY =
  /^(name|label|title|display_?name|description|desc|family|tier|version|released?|release_?date|deprecated|legacy|icon|emoji|badge)$|price|pricing|cost|context|window|limit|per_?1[km]|per_?million|capabilit|supports|modalit|^max_?(output|input|context)/i;

/** Keys that hold limits of the model beside them (checked against the catalog, not data by themselves). */
const LIMIT_KEY = /^max_?(output|input|context)|context|window|^max_?tokens$|limit/i;

/** A key that names one model version (`CLAUDE_3_5_SONNET`, `claude35Haiku`, `sonnet-4`), not a role or family. */
const VERSIONED_MODEL_KEY = /(claude|sonnet|haiku|opus|instant).*\d|\d.*(claude|sonnet|haiku|opus|instant)/i;
const MODEL_ID_KEY = /anthropic\.claude|^claude-/;

const COMPARISON_OPERATORS = new Set(['===', '!==', '==', '!=']);
const COMPARISON_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'localeCompare', 'match', 'test']);

function outer(path: ASTPath): ASTPath {
  let current = path;
  while (current.parentPath && WRAPPERS.has((current.parentPath.node as AnyNode).type)) current = current.parentPath as ASTPath;
  return current;
}

export function isMapEntryKey(top: ASTPath): boolean {
  const pair = top.parentPath?.node as AnyNode | undefined;
  if (pair?.type !== 'ArrayExpression' || pair.elements.length !== 2 || pair.elements[0] !== top.node) return false;
  const list = top.parentPath?.parentPath?.parentPath?.node as AnyNode | undefined;
  if (list?.type !== 'ArrayExpression') return false;
  const ctor = top.parentPath?.parentPath?.parentPath?.parentPath?.parentPath?.node as AnyNode | undefined;
  return ctor?.type === 'NewExpression' && ctor.callee.type === 'Identifier' && ctor.callee.name === 'Map';
}

/** Classifies the place of a model-ID literal. */
export function classify(path: ASTPath): Position {
  const top = outer(path);
  const parent = top.parentPath?.node as AnyNode | undefined;
  if (!parent) return { kind: 'value' };
  const name = top.name;

  if (name === 'key' && (isObjectProperty(parent) || parent.type === 'TSPropertySignature' || parent.type === 'ClassProperty')) {
    return { kind: 'key' };
  }
  if (name === 'id' && parent.type === 'TSEnumMember') return { kind: 'key' };
  if (isMapEntryKey(top)) return { kind: 'key' };

  if (parent.type === 'BinaryExpression' && COMPARISON_OPERATORS.has(parent.operator)) return { kind: 'comparison' };
  if (parent.type === 'SwitchCase' && name === 'test') return { kind: 'comparison' };
  if (parent.type === 'CallExpression' || parent.type === 'OptionalCallExpression') {
    const callee = parent.callee as AnyNode;
    if (
      (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') &&
      !callee.computed &&
      COMPARISON_METHODS.has(callee.property.name) &&
      parent.arguments.includes(top.node)
    ) {
      return { kind: 'comparison' };
    }
  }

  if (namedAfterModel(top)) return { kind: 'model-table' };
  if (parent.type === 'ArrayExpression') return { kind: 'value', list: { holder: parent, key: null } };
  // Union members are rewritten even when two become equal: `"a" | "a"` is the same type as `"a"`, and a
  // marker would make recast reprint the whole union. A union that also names other providers' models is an
  // SDK's inventory of known IDs: data.
  if (parent.type === 'TSLiteralType') {
    const union = top.parentPath?.parentPath?.parentPath?.node as AnyNode | undefined;
    if (union?.type === 'TSUnionType' && mixesProviders(union.types.map((t: AnyNode) => (t.type === 'TSLiteralType' ? t.literal : t)))) return { kind: 'model-table' };
    return { kind: 'value' };
  }
  // The arguments of a call that enumerates IDs of several providers (`Schema.Literal("amazon.titan-…", …)`).
  if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && top.parentPath?.name === 'arguments' && parent.arguments.length > 2 && mixesProviders(parent.arguments)) {
    return { kind: 'model-table' };
  }

  if (isObjectProperty(parent) && name === 'value') {
    const object = top.parentPath?.parentPath?.node as AnyNode | undefined;
    if (object?.type === 'ObjectExpression') {
      const key = propertyName(parent);
      if (key !== null && (MODEL_ID_KEY.test(key) || VERSIONED_MODEL_KEY.test(key))) return { kind: 'model-table' };
      const siblings = (object.properties as AnyNode[]).filter((p) => p !== parent && isObjectProperty(p));
      const others = siblings.map((p) => propertyName(p)).filter((k): k is string => k !== null);
      // literal → property → `properties` → the object → `elements` (whose node is the array).
      const list = top.parentPath?.parentPath?.parentPath?.parentPath?.node as AnyNode | undefined;
      const inList = key && list?.type === 'ArrayExpression' ? { holder: list, key } : undefined;
      if (!others.some((k) => REQUEST_KEYS.has(k))) {
        const descriptors = others.filter((k) => DESCRIPTOR_KEY.test(k));
        if (descriptors.length > 0 && descriptors.every((k) => LIMIT_KEY.test(k))) {
          const limits = siblings
            .filter((p) => LIMIT_KEY.test(propertyName(p) ?? ''))
            .map((p) => ({ key: propertyName(p)!, value: numberValue(p.value) }))
            .filter((l): l is { key: string; value: number } => l.value !== null);
          return { kind: 'limits', limits };
        }
        if (descriptors.length > 0) return { kind: 'catalog-entry', keys: descriptors, list: inList, entry: object };
      }
      if (inList) return { kind: 'value', list: inList };
    }
  }
  return { kind: 'value' };
}

/** Bedrock IDs of a provider other than Anthropic (`amazon.titan-…`, `us.meta.llama…`). */
const OTHER_PROVIDER_ID = /^(?:[a-z-]{2,7}\.)?(?:amazon|meta|mistral|cohere|ai21|stability|deepseek|qwen|openai|writer|twelvelabs|luma)\.[\w.:-]+$/;

/** Whether a list of nodes holds both Claude IDs and other providers' model IDs (an inventory of models). */
function mixesProviders(nodes: readonly AnyNode[]): boolean {
  const values = nodes.map((n) => staticString(n)).filter((v): v is string => v !== null);
  return values.some((v) => OTHER_PROVIDER_ID.test(v)) && values.some((v) => v.includes('anthropic.claude'));
}

/**
 * Whether the ID is bound to a name that names one model version: a class property (`static
 * ANTHROPIC_CLAUDE_SONNET_4_5_V1_0 = new BedrockFoundationModel("…")`) or a member assignment
 * (`AWS_BEDROCK.CLAUDE_3_7_SONNET = "…"`). A new ID there would make the name lie: data.
 */
function namedAfterModel(top: ASTPath): boolean {
  let at: ASTPath = top;
  const call = at.parentPath?.node as AnyNode | undefined;
  if ((call?.type === 'NewExpression' || call?.type === 'CallExpression') && at.name === 0) at = at.parentPath?.parentPath as ASTPath;
  const holder = at?.parentPath?.node as AnyNode | undefined;
  if (!holder) return false;
  let name: string | null = null;
  if ((holder.type === 'ClassProperty' || holder.type === 'PropertyDefinition') && holder.value === at.node && !holder.computed) {
    name = holder.key.type === 'Identifier' ? holder.key.name : staticString(holder.key);
  }
  else if (holder.type === 'AssignmentExpression' && holder.right === at.node && holder.left.type === 'MemberExpression' && !holder.left.computed) {
    name = holder.left.property.name ?? null;
  }
  return name !== null && VERSIONED_MODEL_KEY.test(name);
}

/** A numeric literal (`64000`, `64_000`), or null. */
function numberValue(node: AnyNode): number | null {
  let n = node;
  while (n && WRAPPERS.has(n.type)) n = n.expression;
  if (n?.type === 'NumericLiteral' || (n?.type === 'Literal' && typeof n.value === 'number')) return n.value as number;
  return null;
}

/** The static string values currently in a list (array elements, or one key of the objects in an array). */
function listValues(list: { holder: AnyNode; key: string | null }): string[] {
  const holder = list.holder;
  const items: AnyNode[] = holder.elements;
  const values: string[] = [];
  for (const raw of items) {
    if (!raw) continue;
    let item = raw;
    while (WRAPPERS.has(item.type)) item = item.expression;
    if (list.key === null) {
      const value = staticString(item);
      if (value !== null) values.push(value);
    } else if (item.type === 'ObjectExpression') {
      const prop = (item.properties as AnyNode[]).find((p) => isObjectProperty(p) && propertyName(p) === list.key);
      const value = prop ? staticString(prop.value) : null;
      if (value !== null) values.push(value);
    }
  }
  return values;
}

/**
 * True when rewriting the entry at `path` from `from` to `to` would give its list a second `to`. Lists are
 * read from the tree at the time of the check, so entries rewritten earlier count ("first entry wins").
 */
export function duplicateIn(position: Position, _path: ASTPath, from: string, to: string): boolean {
  if ((position.kind !== 'value' && position.kind !== 'catalog-entry') || !position.list || from === to) return false;
  return listValues(position.list).includes(to);
}

/**
 * Whether a list is a list of model choices (a picker): every entry is a model ID string, or an object whose
 * `key` is one. A model ID among other strings is data (names matched for display or logging).
 */
export function isChoiceList(list: { holder: AnyNode; key: string | null }, isModelId: (text: string) => boolean): boolean {
  const items = (list.holder.elements as AnyNode[]).filter(Boolean);
  const values = listValues(list);
  return items.length > 0 && values.length === items.length && values.every(isModelId);
}

/** Whether every entry of a list is a static string (or an object with a static string under `key`). */
export function isStringList(list: { holder: AnyNode; key: string | null }): boolean {
  const items = (list.holder.elements as AnyNode[]).filter(Boolean);
  return items.length > 0 && listValues(list).length === items.length;
}

/** Removes the list entry that holds `node` (a string element, or the object whose property it is). */
export function removeListEntry(list: { holder: AnyNode; key: string | null }, node: AnyNode): boolean {
  const items = list.holder.elements as AnyNode[];
  const contains = (item: AnyNode): boolean => {
    let n = item;
    while (n && WRAPPERS.has(n.type)) n = n.expression;
    if (n === node) return true;
    return n?.type === 'ObjectExpression' && (n.properties as AnyNode[]).some((p) => isObjectProperty(p) && p.value === node);
  };
  const index = items.findIndex((item) => item && contains(item));
  if (index < 0) return false;
  items.splice(index, 1);
  return true;
}

/** True when an identifier path is used as a computed key of an object or class member, or as a Map entry key. */
function isKeyReference(ref: ASTPath): boolean {
  const parent = ref.parentPath?.node as AnyNode | undefined;
  if (!parent) return false;
  if ((isObjectProperty(parent) || parent.type === 'ClassProperty' || parent.type === 'TSPropertySignature') && parent.computed && parent.key === ref.node) {
    return true;
  }
  return isMapEntryKey(ref);
}

/**
 * When the literal initialises a `const` that is also used as a key of data about models, the constant's
 * name: renaming the constant would move that data to another model.
 */
export function keyedConstant(literalPath: ASTPath, references: (declarator: ASTPath) => ASTPath[]): string | null {
  const top = outer(literalPath);
  const declarator = top.parentPath as ASTPath | undefined;
  const node = declarator?.node as AnyNode | undefined;
  if (!declarator || node?.type !== 'VariableDeclarator' || node.init !== top.node || node.id.type !== 'Identifier') return null;
  for (const ref of references(declarator)) {
    if (isKeyReference(ref)) return node.id.name as string;
  }
  return null;
}
