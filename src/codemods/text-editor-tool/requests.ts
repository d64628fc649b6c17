import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { ancestors, propertyNamed, stringValue, unwrap, type AnyNode } from './ast';
import { computerVersionForModel } from './computer-version';
import type { ComputerVersion } from './facts';

/** Same-file `const NAME = <init>` bindings, for following identifiers one step. */
export class Bindings {
  private readonly inits = new Map<string, AnyNode | null>();

  constructor(j: JSCodeshift, root: Collection) {
    root.find(j.VariableDeclarator).forEach((p) => {
      const node = p.node as AnyNode;
      if (node.id.type !== 'Identifier') return;
      const decl = p.parentPath?.node as AnyNode;
      const name = node.id.name;
      // A name bound twice (shadowing, or `let` reassigned) is not followed.
      const constant = decl?.type === 'VariableDeclaration' && decl.kind === 'const';
      this.inits.set(name, this.inits.has(name) || !constant ? null : node.init);
    });
  }

  /** The initializer of a `const` bound once in the file. */
  init(name: string): AnyNode | undefined {
    return this.inits.get(name) ?? undefined;
  }

  /** A string literal, or an identifier bound to one. */
  string(node: AnyNode): string | undefined {
    const n = unwrap(node);
    const direct = stringValue(n);
    if (direct !== undefined) return direct;
    if (n?.type === 'Identifier') return stringValue(unwrap(this.init(n.name)));
    return undefined;
  }

  /** The object literals a tools value is made of (array literal, const, spreads of consts). */
  toolObjects(node: AnyNode, depth = 0): AnyNode[] {
    const n = unwrap(node);
    if (!n || depth > 4) return [];
    if (n.type === 'Identifier') return this.toolObjects(this.init(n.name), depth + 1);
    if (n.type === 'ObjectExpression') return [n];
    if (n.type === 'ArrayExpression') {
      return n.elements.flatMap((e: AnyNode) =>
        e?.type === 'SpreadElement' ? this.toolObjects(e.argument, depth + 1) : this.toolObjects(e, depth + 1),
      );
    }
    return [];
  }
}

/** The model ID a request that encloses `path` names, when it is written in the file. */
function requestModel(path: ASTPath, bindings: Bindings): string | undefined {
  for (const p of ancestors(path)) {
    const node = p.node as AnyNode;
    if (node?.type !== 'ObjectExpression') continue;
    for (const key of ['modelId', 'model']) {
      const prop = propertyNamed(node, key);
      if (prop) {
        const value = bindings.string(prop.value);
        if (value !== undefined) return value;
      }
    }
  }
  return undefined;
}

/**
 * The computer tool version the model of the request around `path` accepts. Without a model in the
 * request itself, the Claude model IDs written anywhere in the file decide when they all agree.
 */
export function computerVersionAt(path: ASTPath, bindings: Bindings, fileModels: readonly string[]): ComputerVersion | undefined {
  const model = requestModel(path, bindings);
  if (model !== undefined) return computerVersionForModel(model);
  const versions = new Set(fileModels.map((m) => computerVersionForModel(m)));
  if (versions.size === 1) return [...versions][0];
  return undefined;
}

/** The nearest enclosing object literal that has a `tools` property: the request (or Converse extra fields). */
export function enclosingRequest(path: ASTPath): AnyNode | undefined {
  for (const p of ancestors(path)) {
    const node = p.node as AnyNode;
    if (node?.type === 'ObjectExpression' && propertyNamed(node, 'tools')) return node;
  }
  return undefined;
}
