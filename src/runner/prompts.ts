/**
 * The prompt inventory: every Claude call site in the migrated text of the changed files, with the model it
 * now goes to, its system prompt and messages (resolved through same-file constants where they are literal)
 * and its parameters. It is the starting point of the evaluation before rollout: run these prompts against
 * the old and the new model. Read-only: it parses the output text once more and changes nothing.
 */
import type { JSCodeshift } from 'jscodeshift';
import { jscodeshiftFor, parserFor } from '../engine/parse';
import type { FileResult } from './process';
import { displayPath } from './runner';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyNode = any;

export interface PromptSite {
  /** Relative to the current directory, forward slashes. */
  path: string;
  /** Line of the call in the migrated file. */
  line: number;
  api: string;
  /** The model the call now selects: its literal value, or the expression as written. */
  model: string | null;
  /** The system prompt: its text when literal (through same-file constants), else the expression. */
  system: string | null;
  /** The messages: their text when literal, else the expression as written. */
  messages: string | null;
  /** Parameters as written (`maxTokens`, `temperature`, `thinking`, …). */
  parameters: Record<string, string>;
}

const COMMANDS: Record<string, string> = {
  ConverseCommand: 'Converse',
  ConverseStreamCommand: 'ConverseStream',
  InvokeModelCommand: 'InvokeModel',
  InvokeModelWithResponseStreamCommand: 'InvokeModelWithResponseStream',
};
const CLIENT_METHODS: Record<string, string> = {
  converse: 'Converse',
  converseStream: 'ConverseStream',
  invokeModel: 'InvokeModel',
  invokeModelWithResponseStream: 'InvokeModelWithResponseStream',
};
const PARAMETER_KEYS = new Set([
  'inferenceConfig',
  'additionalModelRequestFields',
  'toolConfig',
  'max_tokens',
  'max_tokens_to_sample',
  'temperature',
  'top_p',
  'top_k',
  'stop_sequences',
  'thinking',
  'tools',
  'tool_choice',
  'anthropic_version',
  'anthropic_beta',
  'output_config',
]);
/** Longest text kept for one field (a prompt can be pages long; the file:line has the rest). */
const MAX_TEXT = 2000;

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function keyOf(prop: AnyNode): string | undefined {
  if (!prop || (prop.type !== 'ObjectProperty' && prop.type !== 'Property') || prop.computed) return undefined;
  if (prop.key.type === 'Identifier') return prop.key.name;
  if (typeof prop.key.value === 'string') return prop.key.value;
  return undefined;
}

function unwrap(node: AnyNode): AnyNode {
  let n = node;
  while (n && ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression', 'AwaitExpression'].includes(n.type)) {
    n = n.expression ?? n.argument;
  }
  return n;
}

/** Reads a file's call sites; `source` is the migrated text. */
export function promptsIn(file: string, source: string, cwd: string): PromptSite[] {
  const parser = parserFor(file);
  if (!parser) return [];
  let j: JSCodeshift;
  let root: ReturnType<JSCodeshift>;
  try {
    j = jscodeshiftFor(parser);
    root = j(source);
  } catch {
    return [];
  }
  const text = (node: AnyNode): string => (node && typeof node.start === 'number' ? source.slice(node.start, node.end) : '');
  // Same-file `const X = <init>` (the first one of each name: enough to read literal prompts and IDs).
  const constants = new Map<string, AnyNode>();
  root.find(j.VariableDeclarator).forEach((p) => {
    const d = p.node as AnyNode;
    if (d.id.type === 'Identifier' && d.init && !constants.has(d.id.name)) constants.set(d.id.name, d.init);
  });
  const resolve = (node: AnyNode, depth = 0): AnyNode => {
    const n = unwrap(node);
    if (n?.type === 'Identifier' && constants.has(n.name) && depth < 4) return resolve(constants.get(n.name), depth + 1);
    return n;
  };
  /** The literal text of a prompt value (strings, templates, arrays of `{ text }` or content blocks), else null. */
  const literalText = (node: AnyNode, depth = 0): string | null => {
    const n = resolve(node);
    if (!n || depth > 6) return null;
    if (n.type === 'StringLiteral' || (n.type === 'Literal' && typeof n.value === 'string')) return n.value;
    if (n.type === 'TemplateLiteral') return n.quasis.map((q: AnyNode, i: number) => q.value.cooked + (i < n.expressions.length ? `\${${text(n.expressions[i])}}` : '')).join('');
    if (n.type === 'ArrayExpression') {
      const parts = n.elements.map((e: AnyNode) => literalText(e, depth + 1));
      return parts.every((p: string | null) => p !== null) ? parts.join('\n') : null;
    }
    if (n.type === 'ObjectExpression') {
      const field = n.properties.find((p: AnyNode) => ['text', 'content'].includes(keyOf(p) ?? ''));
      if (!field) return null;
      const inner = literalText(field.value, depth + 1);
      const role = n.properties.find((p: AnyNode) => keyOf(p) === 'role');
      const roleText = role ? literalText(role.value, depth + 1) : null;
      return inner === null ? null : roleText ? `${roleText}: ${inner}` : inner;
    }
    return null;
  };
  const shown = (node: AnyNode): string | null => (node ? clip(literalText(node) ?? text(unwrap(node))) : null);

  const sites: PromptSite[] = [];
  const record = (api: string, call: AnyNode, inputNode: AnyNode) => {
    let input = resolve(inputNode);
    if (input?.type !== 'ObjectExpression') return;
    const props = new Map<string, AnyNode>();
    const collect = (obj: AnyNode) => {
      for (const p of obj.properties) {
        const k = keyOf(p);
        if (k && !props.has(k)) props.set(k, p.value);
      }
    };
    collect(input);
    // InvokeModel: the Anthropic body is `JSON.stringify({...})` (or a constant holding one).
    const body = props.get('body');
    if (body) {
      let b = resolve(body);
      if (b?.type === 'CallExpression' && text(b.callee) === 'JSON.stringify') b = resolve(b.arguments[0]);
      if (b?.type === 'ObjectExpression') {
        input = b;
        collect(b);
      }
    }
    const modelNode = props.get('modelId') ?? props.get('model');
    const modelValue = modelNode ? literalText(modelNode) : null;
    const parameters: Record<string, string> = {};
    for (const [k, v] of props) if (PARAMETER_KEYS.has(k)) parameters[k] = clip(text(unwrap(v)));
    sites.push({
      path: displayPath(cwd, file),
      line: call.loc?.start.line ?? 0,
      api,
      model: modelValue ?? (modelNode ? text(resolve(modelNode)) : null),
      system: shown(props.get('system')),
      messages: shown(props.get('messages') ?? props.get('prompt')),
      parameters,
    });
  };

  root.find(j.NewExpression).forEach((p) => {
    const n = p.node as AnyNode;
    const name = n.callee.type === 'Identifier' ? n.callee.name : n.callee.type === 'MemberExpression' ? n.callee.property?.name : undefined;
    const api = name ? COMMANDS[name] : undefined;
    if (api && n.arguments[0]) record(api, n, n.arguments[0]);
  });
  root.find(j.CallExpression).forEach((p) => {
    const n = p.node as AnyNode;
    const callee = n.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || !n.arguments[0]) return;
    const method = callee.property.name as string;
    if (CLIENT_METHODS[method]) record(CLIENT_METHODS[method], n, n.arguments[0]);
    // AnthropicBedrock: client.messages.create({...}) / .stream({...}).
    else if ((method === 'create' || method === 'stream') && callee.object.type === 'MemberExpression' && callee.object.property?.name === 'messages') {
      record(`AnthropicBedrock messages.${method}`, n, n.arguments[0]);
    }
  });
  return sites.sort((a, b) => a.line - b.line);
}

/** Every call site in the migrated text of the changed files, in path order. */
export function promptInventory(files: readonly FileResult[], cwd: string): PromptSite[] {
  return files.filter((f) => f.status === 'changed' && f.output !== undefined).flatMap((f) => promptsIn(f.file, f.output!, cwd));
}

/** The `--prompts` document. */
export function formatPrompts(prompts: readonly PromptSite[], version: string): string {
  return JSON.stringify({ schemaVersion: 1, tool: { name: 'bedrock-claude-codemod', version }, prompts }, null, 2) + '\n';
}
