import { describe, expect, it } from 'vitest';
import type { ASTPath, Collection } from 'jscodeshift';
import { stockFind } from '../src/engine/find';
import { jscodeshiftFor, parserFor } from '../src/engine/parse';
import { discoverCases } from './support/fixture-cases';

const j = jscodeshiftFor('tsx');
const TYPES = ['Node', 'Expression', 'Statement', 'Function', 'CallExpression', 'Identifier', 'StringLiteral', 'ObjectProperty', 'ImportDeclaration', 'TemplateLiteral', 'Comment', 'CommentLine', 'JSXText', 'TSTypeReference'] as const;

/** Both finds on fresh trees of the same text: the same nodes at the same places, in the same order. */
function compare(source: string, parser: 'ts' | 'tsx', type: string, filter?: unknown): void {
  const jp = jscodeshiftFor(parser);
  const namedType = (jp as unknown as Record<string, unknown>)[type] as { toString(): string };
  const a = jp(source);
  const b = jp(source);
  const fast = a.find(namedType as never, filter as never).paths();
  const stock = (stockFind!.call(b as Collection, namedType, filter as never) as Collection).paths();
  const shape = (paths: ASTPath[]) => paths.map((p) => `${p.node.type}@${(p.node as { start?: number }).start}:${String(p.name)}<${p.parentPath?.node?.type}`);
  expect(shape(fast)).toEqual(shape(stock));
  // The walk fills the same default fields in, so both trees print alike.
  expect(a.toSource()).toBe(b.toSource());
  // Paths come from the tree's own path cache: a second find gives the very same objects.
  const again = a.find(namedType as never, filter as never).paths();
  expect(again.every((p, i) => p === fast[i])).toBe(true);
}

describe('engine find', () => {
  it('is installed in place of jscodeshift’s own', () => {
    expect(stockFind).toBeTypeOf('function');
  });

  // About 40 fixtures spread over every codemod.
  const all = discoverCases().filter((c) => parserFor(c.inputPath));
  const cases = all.filter((_, i) => i % Math.ceil(all.length / 40) === 0);
  it.each(cases.map((c) => [`${c.codemod}/${c.name}.${c.ext}`, c] as const))('finds what jscodeshift finds in %s', (_name, c) => {
    const parser = parserFor(c.inputPath)!;
    for (const type of TYPES) compare(c.input, parser, type);
  });

  it('applies filters and searches from inner collections', () => {
    const source = `import { A } from 'x';\nfunction f(a) { return g(a, { b: h(1) }); }\nclass C { m() { return g(2); } }\n`;
    compare(source, 'tsx', 'CallExpression', { callee: { name: 'g' } });
    compare(source, 'tsx', 'Identifier', (n: { name: string }) => n.name.length === 1);
    const root = j(source);
    const inner = root.find(j.ClassDeclaration).find(j.CallExpression).paths();
    expect(inner.map((p) => (p.node.arguments[0] as { value: number }).value)).toEqual([2]);
    // A node's own collection does not list the node itself.
    const calls = root.find(j.CallExpression);
    expect(calls.find(j.CallExpression).paths().map((p) => (p.node as { start?: number }).start)).toEqual([source.indexOf('h(1)')]);
  });

  it('sees what a codemod added and not what it removed', () => {
    const root = j(`const a = f(1);\nconst b = f(2);\n`);
    root.find(j.VariableDeclaration).at(0).remove();
    root.find(j.Program).get('body').push(j.expressionStatement(j.callExpression(j.identifier('g'), [])));
    const names = root.find(j.CallExpression).paths().map((p) => (p.node.callee as { name: string }).name);
    expect(names).toEqual(['f', 'g']);
  });
});
