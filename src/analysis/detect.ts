import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { jscodeshiftFor, parseSource, parserFor } from '../engine/parse';
import { discover } from '../runner/discover';
import { DEFAULT_MAX_FILE_SIZE, readCandidate } from '../runner/process';
import { destinationFit } from '../codemods/invoke-to-messages/fit';
import { type FamilyVerdict, callFamily } from '../bedrock/family';
import { catalogEntryFor, parseId } from './catalog';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNode = any;

export type FindingKind = 'call' | 'model-id' | 'text-editor' | 'stop-reason' | 'error';

/** One thing `detect` found: where, what, and which codemod (if any) migrates it. */
export interface Finding {
  /** Absolute path. */
  file: string;
  line: number;
  kind: FindingKind;
  /** Call sites: the API (`InvokeModel`, `Converse`, `AnthropicBedrock messages.create`, …). */
  api?: string;
  /** The model the call site or string names, as written (or the expression when not a constant). */
  model?: string;
  /** Catalog status of that model (active, legacy, deprecated, retired) when known. */
  status?: string;
  detail: string;
  /** The codemod that migrates it, or null when nothing needs doing (or nothing can be done automatically). */
  handledBy: string | null;
  /** InvokeModel-family call sites: the destination that fits best (`--api`) and why. */
  destination?: { api: 'converse' | 'messages'; why: string };
}

export interface Inventory {
  findings: Finding[];
  files: number;
  scanned: number;
}

const RUNTIME_MODULE = '@aws-sdk/client-bedrock-runtime';
const ANTHROPIC_MODULE = '@anthropic-ai/bedrock-sdk';
const COMMANDS = new Map<string, string>([
  ['InvokeModelCommand', 'InvokeModel'],
  ['InvokeModelWithResponseStreamCommand', 'InvokeModelWithResponseStream'],
  ['ConverseCommand', 'Converse'],
  ['ConverseStreamCommand', 'ConverseStream'],
]);
const CLIENT_METHODS = new Map<string, string>([
  ['invokeModel', 'InvokeModel'],
  ['invokeModelWithResponseStream', 'InvokeModelWithResponseStream'],
  ['converse', 'Converse'],
  ['converseStream', 'ConverseStream'],
]);
const API_CODEMOD = new Map<string, string | null>([
  ['InvokeModel', 'invoke-to-converse'],
  ['InvokeModelWithResponseStream', 'converse-stream'],
  ['Converse', null],
  ['ConverseStream', null],
]);
/** Substrings a file must contain to be worth parsing for the inventory. */
const MENTIONS = [RUNTIME_MODULE, ANTHROPIC_MODULE, 'anthropic.claude', 'claude-', 'text_editor_', 'str_replace_editor', 'undo_edit', 'stop_reason', 'stopReason', 'InvokeModel', 'invokeModel', 'Converse', 'converse'];
const LEGACY_TEXT_EDITOR = /^text_editor_(20241022|20250124|20250429)$/;
const MODEL_TOKEN = /(?:arn:[\w-]+:bedrock:[\w-]*:\d*:[\w-]+\/)?(?:[a-z-]+\.)?anthropic\.claude[\w.:-]*|\bclaude-[a-z0-9-]+(?:@\d+)?/g;

function isString(node: AnyNode): boolean {
  return !!node && (node.type === 'StringLiteral' || (node.type === 'Literal' && typeof node.value === 'string'));
}

function propName(node: AnyNode): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return node.name;
  if (isString(node)) return node.value;
  return undefined;
}

/** An object literal that has every one of these keys. */
function hasKeys(node: AnyNode, keys: readonly string[]): boolean {
  if (node?.type !== 'ObjectExpression') return false;
  const names = new Set(node.properties.map((prop: AnyNode) => propName(prop.key)));
  return keys.every((k) => names.has(k));
}

function lineOf(node: AnyNode): number {
  return node?.loc?.start?.line ?? 0;
}

function familyDetail(family: FamilyVerdict | undefined): string {
  if (family?.kind === 'not-claude') return ` (not Claude: ${family.families.join(', ')})`;
  if (family?.kind === 'mixed') return ` (serves ${family.families.join(', ')})`;
  return '';
}

/** A model ID the status of which is worth reporting: the catalog entry and whether model-ids will touch it. */
function classifyModel(text: string): { status?: string; legacy: boolean; name?: string } | null {
  const parsed = parseId(text);
  if (!parsed) return null;
  const entry = catalogEntryFor(text);
  if (!entry) return { status: parsed.kind === 'application-inference-profile-arn' ? 'unresolvable' : 'unknown', legacy: false };
  const status = String(entry.status ?? 'unknown');
  return { status, legacy: status !== 'active', name: entry.name ? String(entry.name) : undefined };
}

/** The value of a `modelId`/`model` property: a constant string when it can be resolved in the file. */
function modelText(j: JSCodeshift, value: AnyNode, constants: Map<string, string>): string | undefined {
  if (!value) return undefined;
  if (isString(value)) return value.value;
  if (value.type === 'TemplateLiteral') {
    return value.quasis.map((q: AnyNode, i: number) => q.value.cooked + (i < value.expressions.length ? '${…}' : '')).join('');
  }
  if (value.type === 'Identifier' && constants.has(value.name)) return constants.get(value.name);
  try {
    return j(value).toSource().replace(/\s+/g, ' ').slice(0, 60);
  } catch {
    return undefined;
  }
}

/** Inventory of one script file's tree. */
function scanScript(j: JSCodeshift, source: string, file: string): Finding[] {
  const root = parseSource(j, source, file);
  const out: Finding[] = [];
  const commandNames = new Map<string, string>(); // local name → command export
  const namespaces = new Set<string>();
  const usesRuntime = source.includes(RUNTIME_MODULE) || source.includes('BedrockRuntime');
  const usesAnthropic = source.includes(ANTHROPIC_MODULE);

  root.find(j.ImportDeclaration).forEach((p: ASTPath<AnyNode>) => {
    if (p.node.source.value !== RUNTIME_MODULE) return;
    for (const s of p.node.specifiers ?? []) {
      if (s.type === 'ImportSpecifier') commandNames.set(s.local.name, s.imported.name ?? s.imported.value);
      else if (s.local) namespaces.add(s.local.name);
    }
  });
  root.find(j.VariableDeclarator).forEach((p: ASTPath<AnyNode>) => {
    let init = p.node.init;
    if (init?.type === 'AwaitExpression') init = init.argument;
    const arg = init?.type === 'CallExpression' ? init.arguments?.[0] : init?.type === 'ImportExpression' ? init.source : undefined;
    const isLoad = init && (init.type === 'ImportExpression' || (init.callee?.type === 'Identifier' && init.callee.name === 'require') || init.callee?.type === 'Import');
    if (!isLoad || !isString(arg) || arg.value !== RUNTIME_MODULE) return;
    if (p.node.id.type === 'ObjectPattern') {
      for (const prop of p.node.id.properties) {
        const key = propName(prop.key);
        const local = prop.value?.type === 'Identifier' ? prop.value.name : undefined;
        if (key && local) commandNames.set(local, key);
      }
    } else if (p.node.id.type === 'Identifier') namespaces.add(p.node.id.name);
  });

  // Constant strings (`const MODEL_ID = "…"`), to show the model a call uses.
  // `import br = require('@aws-sdk/client-bedrock-runtime')`
  root.find(j.TSImportEqualsDeclaration).forEach((p: ASTPath<AnyNode>) => {
    const ref = p.node.moduleReference;
    if (ref?.type === 'TSExternalModuleReference' && isString(ref.expression) && ref.expression.value === RUNTIME_MODULE) namespaces.add(p.node.id.name);
  });
  // `const Invoke = require('@aws-sdk/client-bedrock-runtime').InvokeModelCommand`
  root.find(j.VariableDeclarator).forEach((p: ASTPath<AnyNode>) => {
    const init = p.node.init;
    if (p.node.id.type !== 'Identifier' || init?.type !== 'MemberExpression') return;
    const call = init.object;
    if (call?.type === 'CallExpression' && call.callee?.type === 'Identifier' && call.callee.name === 'require' && isString(call.arguments?.[0]) && call.arguments[0].value === RUNTIME_MODULE) {
      const name = propName(init.property);
      if (name) commandNames.set(p.node.id.name, name);
    }
  });

  // `const MODEL_ID = process.env.X ?? "…"` counts as its fallback string.
  const constants = new Map<string, string>();
  root.find(j.VariableDeclarator).forEach((p: ASTPath<AnyNode>) => {
    if (p.node.id.type !== 'Identifier') return;
    const init = p.node.init;
    if (isString(init)) constants.set(p.node.id.name, init.value);
    else if (init?.type === 'LogicalExpression' && (init.operator === '??' || init.operator === '||') && isString(init.right)) {
      constants.set(p.node.id.name, init.right.value);
    }
  });

  const callFinding = (node: AnyNode, api: string, args: AnyNode[], modelKey: string, handler: string | null, family?: FamilyVerdict) => {
    const obj = args[0];
    let model: string | undefined;
    let literal: string | undefined;
    if (obj?.type === 'ObjectExpression') {
      const prop = obj.properties.find((pr: AnyNode) => propName(pr.key) === modelKey);
      model = prop ? modelText(j, prop.value, constants) : undefined;
      // `process.env.X ?? "…"` written inline: the fallback is the model the code names.
      const v = prop?.value;
      literal = v?.type === 'LogicalExpression' && isString(v.right) ? v.right.value : model;
    } else if (obj) model = `(from ${modelText(j, obj, constants) ?? 'an expression'})`;
    const cls = literal ? classifyModel(literal) : null;
    out.push({
      file,
      line: lineOf(node),
      kind: 'call',
      api,
      model: model ?? '(not visible)',
      status: cls?.status,
      detail: `${api} call${familyDetail(family)}`,
      // A call to Titan, Llama, Cohere, … is nothing to migrate.
      handledBy: family?.kind === 'not-claude' ? null : handler ?? (cls?.legacy ? 'model-ids' : null),
    });
  };
  // InvokeModel-style calls: which model family they serve (see src/bedrock/family.ts).
  const familyAt = (p: ASTPath<AnyNode>, api: string): FamilyVerdict | undefined =>
    api.startsWith('InvokeModel') && p.node.arguments.length > 0 ? callFamily(j, root, (p as AnyNode).get('arguments', 0)) : undefined;

  // Which `--api` destination fits the call just recorded.
  const addFit = (p: ASTPath<AnyNode>) => {
    const finding = out[out.length - 1]!;
    const fit = destinationFit(j, root, p, finding.model && !finding.model.startsWith('(') ? finding.model : undefined);
    finding.destination = { api: fit.destination, why: fit.why };
  };

  root.find(j.NewExpression).forEach((p: ASTPath<AnyNode>) => {
    const callee = p.node.callee;
    let exported: string | undefined;
    if (callee.type === 'Identifier') exported = commandNames.get(callee.name) ?? (usesRuntime && COMMANDS.has(callee.name) ? callee.name : undefined);
    else if (callee.type === 'MemberExpression') {
      // `new br.InvokeModelCommand(...)`: a namespace, default, `import x = require()` or `require()` binding.
      const name = propName(callee.property);
      const owner = callee.object.type === 'Identifier' ? callee.object.name : undefined;
      if (name && ((owner && namespaces.has(owner)) || usesRuntime)) exported = name;
    }
    const api = exported ? COMMANDS.get(exported) : undefined;
    if (api) callFinding(p.node, api, p.node.arguments, 'modelId', API_CODEMOD.get(api) ?? null, familyAt(p, api));
    if (api?.startsWith('InvokeModel')) addFit(p);
  });

  root.find(j.CallExpression).forEach((p: ASTPath<AnyNode>) => {
    const callee = p.node.callee;
    if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return;
    const method = propName(callee.property);
    if (!method) return;
    // Without the runtime import, `x.invokeModel({ modelId, body })` is Bedrock's by its input's keys (a client
    // made in another module), as invoke-to-converse finds it.
    const byShape = (m: string) => m.startsWith('invokeModel') && hasKeys(p.node.arguments[0], ['modelId', 'body']);
    const api = usesRuntime || byShape(method) ? CLIENT_METHODS.get(method) : undefined;
    if (api) {
      callFinding(p.node, api, p.node.arguments, 'modelId', API_CODEMOD.get(api) ?? null, familyAt(p, api));
      if (api.startsWith('InvokeModel')) addFit(p);
      return;
    }
    const owner = callee.object;
    const ownerName = owner?.type === 'MemberExpression' ? propName(owner.property) : undefined;
    if (usesAnthropic && (ownerName === 'messages' || ownerName === 'completions') && (method === 'create' || method === 'stream')) {
      callFinding(p.node, `AnthropicBedrock ${ownerName}.${method}`, p.node.arguments, 'model', null);
    }
  });

  const strings: Array<{ node: AnyNode; text: string }> = [];
  root.find(j.StringLiteral).forEach((p: ASTPath<AnyNode>) => {
    strings.push({ node: p.node, text: p.node.value });
  });
  root.find(j.Literal).forEach((p: ASTPath<AnyNode>) => {
    if (p.node.type === 'Literal' && typeof p.node.value === 'string') strings.push({ node: p.node, text: p.node.value });
  });
  root.find(j.TemplateLiteral).forEach((p: ASTPath<AnyNode>) => {
    strings.push({ node: p.node, text: p.node.quasis.map((q: AnyNode) => q.value.cooked ?? '').join('${…}') });
  });
  for (const { node, text } of strings) {
    if (text.includes('claude')) {
      for (const token of modelTokens(text)) {
        const cls = classifyModel(token);
        if (cls && cls.legacy) {
          out.push({ file, line: lineOf(node), kind: 'model-id', model: token, status: cls.status, detail: `${cls.name ?? 'Claude model'} (${cls.status})`, handledBy: 'model-ids' });
        } else if (cls && (cls.status === 'unknown' || cls.status === 'unresolvable')) {
          out.push({ file, line: lineOf(node), kind: 'model-id', model: token, status: cls.status, detail: cls.status === 'unresolvable' ? 'application inference profile: the model cannot be read from the ARN' : 'Claude ID the catalog does not know', handledBy: null });
        }
      }
    }
    if (LEGACY_TEXT_EDITOR.test(text)) out.push({ file, line: lineOf(node), kind: 'text-editor', detail: `tool type ${text}`, handledBy: 'text-editor-tool' });
    else if (text === 'str_replace_editor') out.push({ file, line: lineOf(node), kind: 'text-editor', detail: 'tool name str_replace_editor', handledBy: 'text-editor-tool' });
    else if (text === 'undo_edit') out.push({ file, line: lineOf(node), kind: 'text-editor', detail: 'undo_edit command (removed in text_editor_20250728)', handledBy: 'text-editor-tool' });
    else if (text === 'text_editor_20250728') out.push({ file, line: lineOf(node), kind: 'text-editor', detail: 'tool type text_editor_20250728 (current)', handledBy: null });
  }

  const handlesRefusal = /['"`]refusal['"`]/.test(source);
  root.find(j.MemberExpression).forEach((p: ASTPath<AnyNode>) => {
    const name = p.node.computed ? (isString(p.node.property) ? p.node.property.value : undefined) : propName(p.node.property);
    if (name !== 'stop_reason' && name !== 'stopReason') return;
    const parent = p.parent?.node;
    let how = `reads ${name}`;
    if (parent?.type === 'SwitchStatement' && parent.discriminant === p.node) how = `switch on ${name}`;
    else if (parent?.type === 'BinaryExpression' && /^[!=]==?$/.test(parent.operator)) {
      const other = parent.left === p.node ? parent.right : parent.left;
      how = `compares ${name} with ${isString(other) ? JSON.stringify(other.value) : 'a value'}`;
    } else if (parent?.type === 'MemberExpression' && parent.object === p.node) how = `indexes a map with ${name}`;
    out.push({
      file,
      line: lineOf(p.node),
      kind: 'stop-reason',
      detail: handlesRefusal ? `${how} (file mentions "refusal")` : how,
      handledBy: handlesRefusal ? null : 'refusal-stop-reason',
    });
  });
  return out;
}

/** Model-ID-looking tokens in a piece of text (a string literal or a config file). */
export function modelTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MODEL_TOKEN)) {
    let token = m[0];
    while (token && /[.:-]$/.test(token) && !parseId(token)) token = token.slice(0, -1);
    if (token) out.push(token);
  }
  return out;
}

function scanConfig(source: string, file: string): Finding[] {
  const out: Finding[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((text, i) => {
    if (!text.includes('claude')) return;
    for (const token of modelTokens(text)) {
      const cls = classifyModel(token);
      if (cls?.legacy) out.push({ file, line: i + 1, kind: 'model-id', model: token, status: cls.status, detail: `${cls.name ?? 'Claude model'} (${cls.status}) in config`, handledBy: 'model-ids' });
    }
  });
  return out;
}

/** Walks the paths like the runner does and builds the inventory. Nothing is written. */
export function detect(paths: readonly string[], options: { cwd: string; ignorePatterns?: readonly string[]; gitignore?: boolean }): Inventory {
  const found = discover(paths.length ? paths : ['.'], { cwd: options.cwd, ignorePatterns: options.ignorePatterns, gitignore: options.gitignore });
  const findings: Finding[] = [];
  let scanned = 0;
  const probe = [{ name: 'detect', summary: '', mentions: MENTIONS, options: [], load: () => ({ name: 'detect', run: () => false }) }];
  for (const file of found.files) {
    const read = readCandidate(file, probe, { maxSize: DEFAULT_MAX_FILE_SIZE });
    if (read.kind === 'done') {
      if (read.result.status === 'failed') findings.push({ file, line: 0, kind: 'error', detail: read.result.reason, handledBy: null });
      continue;
    }
    scanned++;
    const parser = parserFor(file);
    if (!parser) {
      findings.push(...scanConfig(read.source, file));
      continue;
    }
    try {
      findings.push(...scanScript(jscodeshiftFor(parser), read.source.replace(/^\uFEFF/, ''), file));
    } catch (error) {
      const e = error as { line?: number; reason?: string; message?: string };
      findings.push({ file, line: e.line ?? 0, kind: 'error', detail: `cannot parse: ${e.reason ?? e.message}`, handledBy: null });
    }
  }
  findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { findings, files: found.files.length, scanned };
}
