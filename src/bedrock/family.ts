/**
 * Which model family an InvokeModel-style call talks to: Claude, not Claude, several (a gateway), or unknown.
 *
 * API (stable; used by invoke-to-converse, converse-stream and `detect`):
 *   callFamily(j, root, inputPath) → FamilyVerdict
 *     `inputPath` is the path of the command input (the argument of `new InvokeModelCommand(…)` or of
 *     `client.invokeModel(…)`). The verdict weighs three kinds of evidence:
 *       - the model ID: literal, constant, `process.env.X ?? '…'` default, config object value, class field;
 *       - a guard around the call: `if (modelId.startsWith('anthropic.'))`, `model.includes('claude')`, …;
 *       - the body's keys: Titan `inputText`/`textGenerationConfig`, Cohere `texts`/`message`, Llama
 *         `max_gen_len`, Nova `inferenceConfig`/`schemaVersion`, Stability `text_prompts`, AI21 `maxTokens`,
 *         a `prompt` without Human:/Assistant: turns, a `messages` body without `anthropic_version`, …
 *   modelIdFamily(id) → family name of one model ID string (undefined when it names no known family)
 *   bodyFamily(objectExpression) → family name a body literal's keys point to (undefined when they say nothing)
 *
 * `kind`:
 *   'claude'      every piece of evidence says Claude;
 *   'not-claude'  evidence exists, none of it says Claude, and every body it may send is known: leave it alone;
 *   'mixed'       the one call serves Claude and other families, or other families and bodies that say
 *                 nothing (`families` names the known ones): a gateway;
 *   'unknown'     nothing tells (the codemod goes on and decides from the request's shape).
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { type AnyNode, getPropertyValue, isPlainProperty, keyName, referencePaths, staticString, unwrapExpression } from '../ast/bedrock';
import { possibleValues } from './flow/values';

export const CLAUDE = 'Claude';

export interface FamilyVerdict {
  kind: 'claude' | 'not-claude' | 'mixed' | 'unknown';
  /** Every family the evidence names, Claude first when present. */
  families: string[];
}

/** Model-ID prefixes (after any inference-profile region prefix) → family. Order matters: longest first. */
const PREFIXES: Array<[string, string]> = [
  ['anthropic.', CLAUDE],
  ['amazon.titan', 'Titan'],
  ['amazon.nova', 'Nova'],
  ['amazon.', 'Amazon'],
  ['meta.', 'Llama'],
  ['mistral.', 'Mistral'],
  ['cohere.', 'Cohere'],
  ['ai21.', 'AI21'],
  ['stability.', 'Stability'],
  ['deepseek.', 'DeepSeek'],
  ['openai.', 'OpenAI'],
  ['qwen.', 'Qwen'],
  ['writer.', 'Writer'],
  ['twelvelabs.', 'TwelveLabs'],
  ['luma.', 'Luma'],
];
const REGION_PREFIX = /^(?:us|eu|apac|jp|au|ca|us-gov|global)\./;

/** The family a model ID (base ID, inference-profile ID, ARN) or an ID prefix names. */
export function modelIdFamily(id: string): string | undefined {
  let s = id.trim().toLowerCase();
  if (s.startsWith('arn:')) {
    if (/:imported-model\//.test(s)) return 'imported model';
    const m = /:(?:foundation-model|inference-profile)\/(.+)$/.exec(s);
    if (!m) return s.includes('claude') ? CLAUDE : undefined; // custom / provisioned / application profiles
    s = m[1];
  }
  s = s.replace(REGION_PREFIX, '');
  for (const [prefix, family] of PREFIXES) if (s.startsWith(prefix)) return family;
  if (s.includes('claude')) return CLAUDE;
  return undefined;
}

/** Words a `.includes(…)` test on a model ID uses. */
function wordFamily(word: string): string | undefined {
  const w = word.toLowerCase();
  if (w.includes('claude') || w.includes('anthropic')) return CLAUDE;
  if (w.includes('titan')) return 'Titan';
  if (w.includes('nova')) return 'Nova';
  if (w.includes('llama') || w.startsWith('meta')) return 'Llama';
  if (w.includes('mistral') || w.includes('mixtral')) return 'Mistral';
  if (w.includes('cohere') || w.includes('command')) return 'Cohere';
  if (w.includes('ai21') || w.includes('jamba') || w.includes('jurassic')) return 'AI21';
  if (w.includes('stability') || w.includes('sdxl')) return 'Stability';
  if (w.includes('deepseek')) return 'DeepSeek';
  return undefined;
}

/** Body keys that only other families use. */
const BODY_KEYS: Array<[string, string]> = [
  ['inputText', 'Titan'],
  ['textGenerationConfig', 'Titan'],
  ['embeddingConfig', 'Titan'],
  ['inputImage', 'Titan'],
  ['taskType', 'Amazon'],
  ['texts', 'Cohere'],
  ['input_type', 'Cohere'],
  ['embedding_types', 'Cohere'],
  ['embeddingTypes', 'Cohere'],
  ['chat_history', 'Cohere'],
  ['documents', 'Cohere'],
  ['max_gen_len', 'Llama'],
  ['schemaVersion', 'Nova'],
  ['inferenceConfig', 'Nova'],
  ['text_prompts', 'Stability'],
  ['cfg_scale', 'Stability'],
  ['maxTokens', 'AI21'],
  ['topP', 'AI21'],
  ['countPenalty', 'AI21'],
];
/** Body keys only Claude uses on Bedrock. */
const CLAUDE_KEYS = ['anthropic_version', 'anthropic_beta', 'max_tokens_to_sample'];

/** The family a body object literal's own keys name, or undefined when they say nothing. */
export function bodyFamily(obj: AnyNode, closed = true): string | undefined {
  return bodyEvidence(obj, closed)?.family;
}

/**
 * `weak`: the family is read from keys the body lacks (a `messages` body without `anthropic_version`, a
 * `prompt` without Human:/Assistant: turns, an empty body). A model ID or guard that says Claude outweighs it.
 */
function bodyEvidence(obj: AnyNode, closed: boolean): { family: string; weak: boolean } | undefined {
  if (obj?.type !== 'ObjectExpression') return undefined;
  const keys = new Set<string>();
  let spread = false;
  for (const p of obj.properties) {
    if (p.type === 'SpreadElement' || p.type === 'SpreadProperty') spread = true;
    else if (isPlainProperty(p) || p.type === 'ObjectMethod') {
      const k = keyName(p);
      if (k) keys.add(k);
    }
  }
  if (CLAUDE_KEYS.some((k) => keys.has(k))) return { family: CLAUDE, weak: false };
  for (const [key, family] of BODY_KEYS) if (keys.has(key)) return { family, weak: false };
  // What follows reads the absence of keys: only for a body no key can be added to.
  if (spread || !closed) return undefined;
  if (keys.has('prompt')) {
    const prompt = staticPrompt(getPropertyValue(obj, 'prompt'));
    if (prompt !== undefined && /\n\nHuman:/.test(prompt)) return { family: CLAUDE, weak: false };
    // A Claude Text Completions body needs max_tokens_to_sample: a `prompt` without it is Llama, Mistral, …
    return { family: keys.has('max_tokens') ? 'Mistral' : 'Llama', weak: true };
  }
  // Claude on Bedrock requires anthropic_version: a messages body without it is another family's
  // (OpenAI-style chat on imported models, Mistral chat, …).
  if (keys.has('messages')) return { family: 'non-Anthropic chat', weak: true };
  if (keys.size === 0) return { family: 'empty body', weak: true };
  return undefined;
}

function staticPrompt(node: AnyNode): string | undefined {
  const n = unwrapExpression(node);
  if (n?.type === 'TemplateLiteral') return n.quasis.map((q: AnyNode) => q.value.cooked ?? '').join('${}');
  return staticString(n);
}

/** Classifies the call whose command input is at `inputPath`. */
export function callFamily(j: JSCodeshift, root: Collection, inputPath: ASTPath): FamilyVerdict {
  const families = new Set<string>();
  let inconclusive = false;
  let modelSaysOther = false;
  const weak = new Set<string>();
  const guard = guardFamily(inputPath);
  let modelSaysClaude = guard?.family === CLAUDE;
  if (guard) families.add(guard.family);
  const inputs = possibleValues(j, root, inputPath);
  for (const input of inputs.values) {
    const obj: AnyNode = input.node;
    if (obj.type !== 'ObjectExpression') continue;
    const modelAt = propertyPath(input, 'modelId');
    // A guard already names the branch's family: the model ID's other possible values belong to other branches.
    if (modelAt && !guard) {
      const models = modelFamilies(j, root, modelAt);
      for (const f of models) families.add(f);
      // The model ID (or its default) names another family: what the body says nothing about stays that.
      if (models.length > 0 && !models.includes(CLAUDE)) modelSaysOther = true;
      if (models.includes(CLAUDE)) modelSaysClaude = true;
    }
    const bodyAt = propertyPath(input, 'body');
    if (bodyAt) {
      const bodies = bodyFamilies(j, root, bodyAt);
      for (const f of bodies.families) families.add(f);
      for (const f of bodies.weak) weak.add(f);
      inconclusive ||= bodies.inconclusive;
    }
  }
  // Missing keys say "not Claude" only where the model ID or a guard does not say Claude.
  if (!modelSaysClaude) for (const f of weak) families.add(f);
  return verdict(families, inconclusive && !guard && !modelSaysOther);
}

/**
 * `inconclusive`: some body the call may send says nothing about its family. Then other families' bodies
 * make the call a gateway ('mixed'), not a call to leave alone: Claude may be among the unknown ones.
 */
function verdict(families: Set<string>, inconclusive: boolean): FamilyVerdict {
  const list = [...families].sort((a, b) => (a === CLAUDE ? -1 : b === CLAUDE ? 1 : 0));
  if (list.length === 0) return { kind: 'unknown', families: list };
  if (!families.has(CLAUDE)) return { kind: inconclusive && !list.includes('other') ? 'mixed' : 'not-claude', families: list };
  return { kind: list.length === 1 ? 'claude' : 'mixed', families: list };
}

function propertyPath(objPath: AnyNode, name: string): AnyNode | undefined {
  const props: AnyNode[] = objPath.node.properties;
  for (let i = props.length - 1; i >= 0; i--) {
    if (isPlainProperty(props[i]) && keyName(props[i]) === name) return objPath.get('properties', i, 'value');
  }
  return undefined;
}

function modelFamilies(j: JSCodeshift, root: Collection, at: AnyNode): string[] {
  const out: string[] = [];
  for (const v of possibleValues(j, root, at).values) {
    const s = staticString(v.node);
    const f = s === undefined ? undefined : modelIdFamily(s);
    if (f) out.push(f);
  }
  return out;
}

/** `JSON.stringify(x)`, `new TextEncoder().encode(JSON.stringify(x))`, `Buffer.from(JSON.stringify(x))`. */
function bodyFamilies(j: JSCodeshift, root: Collection, at: AnyNode): { families: string[]; weak: string[]; inconclusive: boolean } {
  const families: string[] = [];
  const weak: string[] = [];
  let inconclusive = false;
  const encoded = possibleValues(j, root, at);
  inconclusive ||= encoded.open;
  for (const v of encoded.values) {
    const payload = stringifiedArg(v);
    if (!payload) {
      inconclusive = true;
      continue;
    }
    const bodies = possibleValues(j, root, payload);
    inconclusive ||= bodies.open;
    for (const b of bodies.values) {
      const e = bodyEvidence(b.node, isClosed(j, root, b));
      if (e?.weak) weak.push(e.family);
      else if (e) families.push(e.family);
      else inconclusive = true;
    }
  }
  return { families, weak, inconclusive };
}

/**
 * True when no key can be added to the body object literal at `objPath` after it is built: it is sent or
 * returned as it is, or held in a variable that is only stringified, returned or read. A body passed to a
 * function (`addConfigParam(params, …)`) or given a field (`body.x = …`) is open.
 */
function isClosed(j: JSCodeshift, root: Collection, objPath: AnyNode): boolean {
  const parent: AnyNode = objPath.parent?.node;
  if (parent?.type !== 'VariableDeclarator' || parent.id.type !== 'Identifier') {
    return parent?.type === 'ReturnStatement' || parent?.type === 'ArrowFunctionExpression' || (parent?.type === 'CallExpression' && isJsonStringify(parent));
  }
  for (const ref of referencePaths(j, root, parent.id.name, objPath.parent)) {
    const use: AnyNode = ref.parent.node;
    if (use.type === 'ReturnStatement' || (use.type === 'CallExpression' && isJsonStringify(use) && use.arguments[0] === ref.node)) continue;
    if ((use.type === 'MemberExpression' || use.type === 'OptionalMemberExpression') && use.object === ref.node) {
      const assigned: AnyNode = ref.parent.parent.node;
      if (assigned.type === 'AssignmentExpression' && assigned.left === use) return false;
      continue;
    }
    return false;
  }
  return true;
}

function isJsonStringify(call: AnyNode): boolean {
  const c = call.callee;
  return c?.type === 'MemberExpression' && !c.computed && c.object.type === 'Identifier' && c.object.name === 'JSON' && c.property.name === 'stringify';
}

function stringifiedArg(p: AnyNode): AnyNode | undefined {
  const n: AnyNode = p.node;
  if ((n.type === 'CallExpression' || n.type === 'NewExpression') && n.arguments.length >= 1) {
    const c = n.callee;
    if (c.type === 'MemberExpression' && !c.computed) {
      const obj = c.object;
      const prop = c.property.name;
      if (obj.type === 'Identifier' && obj.name === 'JSON' && prop === 'stringify') return p.get('arguments', 0);
      if ((prop === 'encode' || prop === 'from') && n.arguments.length >= 1) return stringifiedArg(p.get('arguments', 0));
    }
  }
  return undefined;
}

/**
 * The family a test around the call restricts it to: `if (id.startsWith('anthropic.')) { call }` → Claude;
 * the `else` of such a test → not Claude ('other'); `if (id.includes('titan'))` → Titan.
 */
function guardFamily(at: AnyNode): { family: string } | undefined {
  let child: AnyNode = at;
  for (let p: AnyNode = at.parent; p; child = p, p = p.parent) {
    const n: AnyNode = p.node;
    if (/Function/.test(n.type) && n.type !== 'FunctionExpression' && n.type !== 'ArrowFunctionExpression') break;
    let test: AnyNode;
    let inConsequent: boolean | undefined;
    if ((n.type === 'IfStatement' || n.type === 'ConditionalExpression') && child.node !== n.test) {
      test = n.test;
      inConsequent = child.node === n.consequent;
    } else if (n.type === 'LogicalExpression' && n.operator === '&&' && child.node === n.right) {
      test = n.left;
      inConsequent = true;
    }
    if (!test) continue;
    const f = testFamily(test);
    if (!f) continue;
    if (inConsequent) return { family: f };
    if (f === CLAUDE) return { family: 'other' };
  }
  return undefined;
}

/** `x.startsWith('anthropic.')`, `x.includes('claude')`, `x === 'amazon.titan-…'`, `/claude/.test(x)`. */
function testFamily(test: AnyNode): string | undefined {
  const t = unwrapExpression(test);
  if (t.type === 'CallExpression' && t.callee.type === 'MemberExpression' && !t.callee.computed && t.arguments.length >= 1) {
    const method = t.callee.property.name;
    const arg = staticString(t.arguments[0]);
    if (arg === undefined) {
      if (method === 'test' && t.callee.object.type === 'RegExpLiteral') return wordFamily(t.callee.object.pattern);
      if (method === 'test' && t.callee.object.type === 'Literal' && t.callee.object.regex) return wordFamily(t.callee.object.regex.pattern);
      return undefined;
    }
    if (method === 'startsWith') return modelIdFamily(arg) ?? wordFamily(arg);
    if (method === 'includes' || method === 'indexOf' || method === 'match') return wordFamily(arg);
  }
  if (t.type === 'BinaryExpression' && (t.operator === '===' || t.operator === '==')) {
    const s = staticString(t.right) ?? staticString(t.left);
    if (s !== undefined) return modelIdFamily(s) ?? wordFamily(s);
  }
  return undefined;
}
