/**
 * The shared domain layer's small pieces, on their own: the "cannot map" result, the body's JSON codec
 * (decode.ts), the call-site finder (sites.ts) and the vocabulary tables checked against the installed SDK types.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ASTPath } from 'jscodeshift';
import { jscodeshiftFor } from '../src/engine/parse';
import type { CodemodContext } from '../src/engine/types';
import { type AnyNode, findRuntimeBindings } from '../src/ast/bedrock';
import { Unmappable, attempt, block } from '../src/bedrock/result';
import { decodedText, isUtf8, jsonParseOf, jsonStringifyArg } from '../src/bedrock/decode';
import { INVOKE_MODEL, findCallSites, inputObjectPath, sendCallPath } from '../src/bedrock/sites';
import { ADDITIONAL, CONVERTIBLE_KEYS, INVOKE_MODEL_TYPES, SAMPLING, TOOL_USE_FIELDS, USAGE_FIELDS } from '../src/bedrock/vocabulary';

const j = jscodeshiftFor('ts');
const M = '"@aws-sdk/client-bedrock-runtime"';

/** The path of the first node of `type` whose source text is `text`. */
function pathOf(root: AnyNode, type: string, text: string): AnyNode {
  let found: AnyNode;
  root.find((j as AnyNode)[type]).forEach((p: AnyNode) => {
    if (!found && j(p).toSource() === text) found = p;
  });
  if (!found) throw new Error(`no ${type} ${text}`);
  return found;
}

describe('result', () => {
  it('turns a blocked mapping into its reason and lets other errors through', () => {
    expect(attempt(() => block('the body is built elsewhere'))).toEqual({ reason: 'the body is built elsewhere' });
    expect(attempt(() => 42)).toBe(42);
    expect(() => attempt(() => JSON.parse('{'))).toThrow(SyntaxError);
    expect(() => block('x')).toThrow(Unmappable);
  });
});

describe('decode.ts: the body JSON codec', () => {
  it.each([
    ['JSON.stringify(payload)', 'payload'],
    ['JSON.stringify(payload, null, 2)', 'payload'],
    ['new TextEncoder().encode(JSON.stringify(payload))', 'payload'],
    ['Buffer.from(JSON.stringify({ a: 1 }))', '{ a: 1 }'],
  ])('%s carries %s', (code, arg) => {
    const expr = j(`x = ${code};`).find(j.AssignmentExpression).get().node.right;
    expect(j(jsonStringifyArg(expr)).toSource()).toBe(arg);
  });

  it('does not take a replacer function or other calls for JSON.stringify', () => {
    for (const code of ['JSON.stringify(payload, (k, v) => v)', 'String(payload)', 'payload']) {
      const expr = j(`x = ${code};`).find(j.AssignmentExpression).get().node.right;
      expect(jsonStringifyArg(expr)).toBeUndefined();
    }
  });

  it.each([
    ['new TextDecoder().decode(r.body)', 'TextDecoder', undefined],
    ['new TextDecoder("utf-8").decode(r.body)', 'TextDecoder', 'utf-8'],
    ['Buffer.from(r.body).toString("utf8")', 'Buffer', 'utf8'],
    ['r.body.transformToString()', 'transformToString', undefined],
  ])('%s decodes the body (%s)', (code, via, encoding) => {
    const root = j(`const text = ${code};`);
    const decoded = decodedText(pathOf(root, 'MemberExpression', 'r.body'));
    expect(decoded?.via).toBe(via);
    expect(j(decoded!.text).toSource()).toBe(code);
    expect(decoded!.encoding?.value).toBe(encoding);
    expect(isUtf8(decoded!.encoding)).toBe(true);
  });

  it('follows a const decoder and reports it, and tells a non-UTF-8 encoding', () => {
    const root = j('const decoder = new TextDecoder("latin1");\nconst text = decoder.decode(r.body);');
    const decoded = decodedText(pathOf(root, 'MemberExpression', 'r.body'));
    expect(decoded?.decoderDeclarator?.node.id.name).toBe('decoder');
    expect(isUtf8(decoded!.encoding)).toBe(false);
    // A decoder held in `let` could be anything by then.
    const other = j('let decoder = new TextDecoder();\nconst text = decoder.decode(r.body);');
    expect(decodedText(pathOf(other, 'MemberExpression', 'r.body'))).toBeUndefined();
  });

  it('finds JSON.parse of the text, and only with one argument', () => {
    const root = j('const a = JSON.parse(text);\nconst b = JSON.parse(other, reviver);');
    expect(j(jsonParseOf(pathOf(root, 'Identifier', 'text')) as ASTPath).toSource()).toBe('JSON.parse(text)');
    expect(jsonParseOf(pathOf(root, 'Identifier', 'other'))).toBeUndefined();
  });
});

describe('sites.ts: one finder for call sites, their input and their send', () => {
  const sites = (source: string) => {
    const root = j(source);
    const ctx = { j, root } as unknown as CodemodContext;
    return { ctx, found: findCallSites(j, root, findRuntimeBindings(j, root), INVOKE_MODEL) };
  };

  it('finds commands, aggregated calls and calls on a client from another module', () => {
    const { found } = sites(
      `import { BedrockRuntime, InvokeModelCommand } from ${M};\nconst rt = new BedrockRuntime({});\n` +
        `client.send(new InvokeModelCommand({ modelId, body }));\nrt.invokeModel({ modelId, body });\n` +
        `(await getClient()).invokeModel({ modelId: id, body: payload });\nlogger.invokeModel({ level: 1 });`,
    );
    expect(found.map((s) => s.kind)).toEqual(['command', 'aggregated', 'aggregated']);
  });

  it('resolves the input inline or through a const or let used once, and says why not otherwise', () => {
    const input = (decl: string, use = '') => {
      const { ctx, found } = sites(`import { InvokeModelCommand } from ${M};\n${decl}\n${use}client.send(new InvokeModelCommand(input));`);
      return inputObjectPath(ctx, found[0]);
    };
    for (const kind of ['const', 'let']) {
      const r = input(`${kind} input = { modelId, body } as const;`);
      expect('path' in r && r.path.node.type).toBe('ObjectExpression');
      expect('declarator' in r && (r.declarator?.node as AnyNode)?.id.name).toBe('input');
    }
    expect(input('const input = { modelId, body };', 'log(input);\n')).toEqual({ reason: 'the command input "input" is used elsewhere too' });
    expect(input('const input = build();')).toEqual({ reason: 'the command input cannot be resolved to an object literal' });
  });

  it('finds the send call where the command is made or through a variable sent once', () => {
    const send = (code: string) => {
      const { ctx, found } = sites(`import { InvokeModelCommand } from ${M};\n${code}`);
      const r = sendCallPath(ctx, found[0]);
      return 'reason' in r ? r.reason : j(r.path).toSource();
    };
    expect(send('await client.send(new InvokeModelCommand(input), { abortSignal });')).toBe('client.send(new InvokeModelCommand(input), { abortSignal })');
    expect(send('const cmd = new InvokeModelCommand(input);\nawait client.send(cmd);')).toBe('client.send(cmd)');
    expect(send('const cmd = new InvokeModelCommand(input);\nqueue.push(cmd);')).toBe('the command "cmd" is used in a way that cannot be followed');
    expect(send('enqueue(new InvokeModelCommand(input));')).toBe('the command is not sent with client.send() where it is created');
  });
});

describe('vocabulary.ts against the installed SDK types', () => {
  const models = fs.readFileSync(path.join(__dirname, '../node_modules/@aws-sdk/client-bedrock-runtime/dist-types/models/models_0.d.ts'), 'utf8');
  const members = (iface: string): string[] => {
    const start = models.indexOf(`export interface ${iface} {`);
    expect(start).toBeGreaterThanOrEqual(0);
    const body = models.slice(start, models.indexOf('\n}', start));
    return [...body.matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]);
  };

  it('maps sampling fields to InferenceConfiguration members and usage fields to TokenUsage members', () => {
    expect(members('InferenceConfiguration')).toEqual(expect.arrayContaining(Object.values(SAMPLING)));
    expect(members('TokenUsage')).toEqual(expect.arrayContaining(Object.values(USAGE_FIELDS)));
    expect(members('ToolUseBlock')).toEqual(expect.arrayContaining(Object.values(TOOL_USE_FIELDS)));
  });

  it('renames InvokeModel types to Converse types the SDK declares', () => {
    const command = fs.readFileSync(path.join(__dirname, '../node_modules/@aws-sdk/client-bedrock-runtime/dist-types/commands/ConverseCommand.d.ts'), 'utf8');
    for (const to of Object.values(INVOKE_MODEL_TYPES)) expect(`${models}\n${command}`).toMatch(new RegExp(`export interface ${to}\\b`));
  });

  it('the boundary helper takes every body key the mapping takes', () => {
    for (const key of [...Object.keys(SAMPLING), ...ADDITIONAL, 'anthropic_version', 'messages', 'system', 'tools', 'tool_choice']) expect(CONVERTIBLE_KEYS.has(key)).toBe(true);
  });
});
