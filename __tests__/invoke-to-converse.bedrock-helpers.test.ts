/**
 * The shared Bedrock AST helpers (src/ast/bedrock.ts): bindings in every import style, command
 * constructions, aggregated calls, import add/remove, object-literal helpers.
 */
import { describe, expect, it } from 'vitest';
import {
  countReferences,
  ensureRuntimeExport,
  findAggregatedCalls,
  findCommandConstructions,
  findRuntimeBindings,
  findTypeReferences,
  getProperty,
  keyName,
  removeRuntimeExportIfUnused,
  setProperty,
  removeProperty,
} from '../src/ast/bedrock';
import { jscodeshiftFor } from '../src/engine/parse';

const j = jscodeshiftFor('ts');
const M = '"@aws-sdk/client-bedrock-runtime"';

function commandsIn(source: string) {
  const root = j(source);
  const bindings = findRuntimeBindings(j, root);
  return { root, bindings, commands: findCommandConstructions(j, root, bindings, 'InvokeModelCommand') };
}

describe('findRuntimeBindings + findCommandConstructions', () => {
  it.each([
    ['ESM named', `import { InvokeModelCommand } from ${M};\nnew InvokeModelCommand({});`],
    ['ESM aliased', `import { InvokeModelCommand as Invoke } from ${M};\nnew Invoke({});`],
    ['ESM namespace', `import * as br from ${M};\nnew br.InvokeModelCommand({});`],
    ['ESM default (interop)', `import br from ${M};\nnew br.InvokeModelCommand({});`],
    ['default, destructured', `import br from ${M};\nconst { InvokeModelCommand: C } = br;\nnew C({});`],
    ['require destructured', `const { InvokeModelCommand } = require(${M});\nnew InvokeModelCommand({});`],
    ['require renamed', `const { InvokeModelCommand: Cmd } = require(${M});\nnew Cmd({});`],
    ['require property', `const Cmd = require(${M}).InvokeModelCommand;\nnew Cmd({});`],
    ['require namespace', `const br = require(${M});\nnew br.InvokeModelCommand({});`],
    ['import = require', `import br = require(${M});\nnew br.InvokeModelCommand({});`],
    ['dynamic import', `async function f() { const { InvokeModelCommand } = await import(${M});\nnew InvokeModelCommand({}); }`],
  ])('%s', (_label, source) => {
    expect(commandsIn(source).commands).toHaveLength(1);
  });

  it('ignores look-alikes from other modules and shadowed names', () => {
    expect(commandsIn(`import { InvokeModelCommand } from "./local";\nnew InvokeModelCommand({});`).commands).toHaveLength(0);
    expect(commandsIn(`const { InvokeCommand } = require("@aws-sdk/client-lambda");\nnew InvokeCommand({});`).commands).toHaveLength(0);
  });

  it('finds aggregated client calls by variable and by property', () => {
    const root = j(`import { BedrockRuntime } from ${M};\nconst c = new BedrockRuntime({});\nclass S { rt = new BedrockRuntime({}); go() { return this.rt.invokeModel({}); } }\nc.invokeModel({});\nother.invokeModel({});`);
    const bindings = findRuntimeBindings(j, root);
    expect(findAggregatedCalls(j, root, bindings, 'invokeModel')).toHaveLength(2);
  });

  it('finds type references, qualified or not', () => {
    const root = j(`import type { InvokeModelCommandInput } from ${M};\nimport * as br from ${M};\nlet a: InvokeModelCommandInput;\nlet b: br.InvokeModelCommandInput;`);
    expect(findTypeReferences(j, root, findRuntimeBindings(j, root), 'InvokeModelCommandInput')).toHaveLength(2);
  });
});

describe('imports: add and remove', () => {
  it('adds next to a related name and removes a name nothing uses', () => {
    const root = j(`import { InvokeModelCommand, BedrockRuntimeClient } from ${M};\nnew BedrockRuntimeClient({});`);
    const bindings = findRuntimeBindings(j, root);
    expect(j(ensureRuntimeExport(j, root, bindings, 'ConverseCommand', { near: 'InvokeModelCommand' })).toSource()).toBe('ConverseCommand');
    expect(removeRuntimeExportIfUnused(j, root, bindings, 'InvokeModelCommand')).toBe(true);
    expect(root.toSource()).toMatch(/import \{ ConverseCommand, BedrockRuntimeClient \} from/);
  });

  it('adds type-only names as type specifiers in a value import', () => {
    const root = j(`import { BedrockRuntimeClient } from ${M};`);
    ensureRuntimeExport(j, root, findRuntimeBindings(j, root), 'Message', { type: true });
    expect(root.toSource()).toMatch(/import \{ BedrockRuntimeClient, type Message \} from/);
  });

  it('uses the namespace when there is no named import', () => {
    const root = j(`import * as br from ${M};`);
    expect(j(ensureRuntimeExport(j, root, findRuntimeBindings(j, root), 'ConverseCommand')).toSource()).toBe('br.ConverseCommand');
  });

  it('adds a property-form require next to the old one, and removes the old one', () => {
    const root = j(`const A = require(${M}).BedrockRuntimeClient;\nconst B = require(${M}).InvokeModelCommand;\nnew A({});`);
    const bindings = findRuntimeBindings(j, root);
    ensureRuntimeExport(j, root, bindings, 'ConverseCommand', { near: 'B' });
    removeRuntimeExportIfUnused(j, root, bindings, 'InvokeModelCommand');
    expect(root.toSource()).toBe(`const A = require(${M}).BedrockRuntimeClient;\nconst ConverseCommand = require(${M}).ConverseCommand;\nnew A({});`);
  });

  it('removes the whole declaration when it becomes empty, keeps names still used', () => {
    const root = j(`const { InvokeModelCommand } = require(${M});\nimport { BedrockRuntimeClient } from ${M};\nnew BedrockRuntimeClient();`);
    const bindings = findRuntimeBindings(j, root);
    removeRuntimeExportIfUnused(j, root, bindings, 'InvokeModelCommand');
    expect(removeRuntimeExportIfUnused(j, root, bindings, 'BedrockRuntimeClient')).toBe(false);
    expect(root.toSource()).toBe(`import { BedrockRuntimeClient } from ${M};\nnew BedrockRuntimeClient();`);
  });

  it('counts references, not keys or import bindings', () => {
    const root = j(`import { X } from ${M};\nconst o = { X: 1 };\no.X;\nnew X();`);
    expect(countReferences(j, root, 'X')).toBe(1);
  });
});

describe('object-literal helpers', () => {
  const obj = () => j(`({ a: 1, "b-c": 2, ['d']: 3, a: 4 })`).find(j.ObjectExpression).get().node;

  it('reads identifier, string and computed string keys; the last duplicate wins', () => {
    const o = obj();
    expect(o.properties.map(keyName)).toEqual(['a', 'b-c', 'd', 'a']);
    expect(getProperty(o, 'a').value.value).toBe(4);
    expect(getProperty(o, 'b-c').value.value).toBe(2);
  });

  it('sets, appends and removes properties', () => {
    const o = obj();
    setProperty(j, o, 'b-c', j.numericLiteral(5));
    setProperty(j, o, 'new key', j.stringLiteral('x'));
    removeProperty(o, 'a');
    expect(j(o).toSource()).toMatch(/"new key": "x"/);
    expect(o.properties.map(keyName)).toEqual(['b-c', 'd', 'new key']);
    expect(getProperty(o, 'b-c').value.value).toBe(5);
  });
});
