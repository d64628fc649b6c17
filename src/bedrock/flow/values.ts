/**
 * Read-only provenance of a value inside one file: the expressions an expression may evaluate to.
 *
 * `possibleValues(j, root, path)` follows, up to a small depth:
 * - identifiers to their declaration (`const`/`let`/`var` init) and to every later plain assignment `x = …`;
 * - a parameter of a same-file function or class method to the matching argument of each of its calls
 *   (`helper(a)`, `this.method(a)`), when every call is visible (the function is not exported);
 * - a call of a same-file function or class method (`build()`, `this.build()`, `this.provider.build()`:
 *   every method of that name in the file) to the expressions its `return` statements give;
 * - `this.x` to class-field initializers and `this.x = …` assignments in the same class;
 * - `obj.key` where `obj` resolves to an object literal, to that property's value;
 * - `a ?? b`, `a || b`, `c ? a : b` to both sides (defaults count: they say what the code expects).
 * Each result carries its path (so it can be followed further) and `open` tells that something could not
 * be followed (a parameter of an exported function, an import, a call into another module …).
 *
 * Nothing is changed here; the codemods decide what to do with what is found.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { type AnyNode, declarationOf, functionBinding, identifierPaths, keyName, referencePaths, unwrapExpression } from '../../ast/bedrock';

export interface Possible {
  /** Paths of the expressions the value may be (unwrapped of `as`, `!`, parentheses). */
  values: ASTPath[];
  /** True when some way the value is produced could not be followed. */
  open: boolean;
}

const MAX_DEPTH = 5;

export function possibleValues(j: JSCodeshift, root: Collection, path: ASTPath, depth = 0): Possible {
  const out: Possible = { values: [], open: false };
  collect(j, root, unwrapPath(path), depth, out, new Set());
  return out;
}

function collect(j: JSCodeshift, root: Collection, path: AnyNode, depth: number, out: Possible, seen: Set<AnyNode>): void {
  const node: AnyNode = path?.node;
  if (!node || seen.has(node)) return;
  seen.add(node);
  if (depth > MAX_DEPTH) {
    out.open = true;
    return;
  }
  const next = (p: AnyNode): void => collect(j, root, unwrapPath(p), depth + 1, out, seen);
  switch (node.type) {
    case 'Identifier':
      return identifier(j, root, path, next, out);
    case 'LogicalExpression':
      if (node.operator === '??' || node.operator === '||') {
        next(path.get('left'));
        next(path.get('right'));
        return;
      }
      break;
    case 'ConditionalExpression':
      next(path.get('consequent'));
      next(path.get('alternate'));
      return;
    case 'AwaitExpression':
      return next(path.get('argument'));
    case 'CallExpression':
      if (callReturns(j, root, path, next)) return;
      break;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      if (member(j, root, path, next)) return;
      break;
  }
  out.values.push(path);
}

function identifier(j: JSCodeshift, root: Collection, path: AnyNode, next: (p: AnyNode) => void, out: Possible): void {
  const name: string = path.node.name;
  if (name === 'undefined') {
    out.values.push(path);
    return;
  }
  const decl: AnyNode = declarationOf(name, path) ?? methodParameter(name, path);
  if (!decl) {
    out.open = true;
    return;
  }
  if (decl.node.type === 'VariableDeclarator') {
    if (decl.node.init) next(decl.get('init'));
    for (const ref of referencePaths(j, root, name, decl)) {
      const parent: AnyNode = ref.parent.node;
      if (parent.type === 'AssignmentExpression' && parent.left === ref.node) {
        if (parent.operator === '=') next(ref.parent.get('right'));
        else out.open = true;
      }
    }
    return;
  }
  if (decl.node.type === 'Identifier') return parameter(j, root, decl, next, out);
  if (decl.node.type === 'FunctionDeclaration' || decl.node.type === 'ClassDeclaration') {
    out.values.push(decl);
    return;
  }
  out.open = true;
}

/** A parameter of a class or object method (which `declarationOf` does not report). */
function methodParameter(name: string, at: AnyNode): AnyNode | undefined {
  const binding: AnyNode = at.scope?.lookup(name)?.getBindings()[name]?.[0];
  const parent: AnyNode = binding?.parent;
  if (!parent) return undefined;
  if (/Method/.test(parent.node.type) && parent.node.params?.includes(binding.node)) return binding;
  if (parent.node.type === 'AssignmentPattern' && /Method/.test(parent.parent?.node.type ?? '')) return binding;
  if (parent.node.type === 'TSParameterProperty') return undefined;
  return undefined;
}

/** A parameter: the matching argument of every same-file call, when the function's callers are all here. */
function parameter(j: JSCodeshift, root: Collection, param: AnyNode, next: (p: AnyNode) => void, out: Possible): void {
  let fnPath: AnyNode = param.parent;
  let paramNode: AnyNode = param.node;
  if (fnPath?.node.type === 'AssignmentPattern') {
    next(fnPath.get('right'));
    paramNode = fnPath.node;
    fnPath = fnPath.parent;
  }
  const fn: AnyNode = fnPath?.node;
  const index = fn?.params ? fn.params.indexOf(paramNode) : -1;
  if (index < 0) {
    out.open = true;
    return;
  }
  const { calls, complete } = callersOf(j, root, fnPath);
  if (!complete) out.open = true;
  for (const call of calls) {
    const arg = call.node.arguments[index];
    if (!arg) continue;
    if (arg.type === 'SpreadElement') out.open = true;
    else next(call.get('arguments', index));
  }
}

/**
 * The calls of a same-file function or class method. `complete` is false when it may also be called from
 * elsewhere: exported, passed on as a value, or a method that is not private (any object may call it).
 */
export function callersOf(j: JSCodeshift, root: Collection, fnPath: AnyNode): { calls: AnyNode[]; complete: boolean } {
  const method = methodOf(fnPath);
  if (method) {
    const calls: AnyNode[] = [];
    let complete = method.private;
    for (const p of identifierPaths(j, root, method.name)) {
      const parent: AnyNode = p.parent?.node;
      if (parent?.type !== 'MemberExpression' || parent.property !== p.node || parent.computed) continue;
      const call: AnyNode = p.parent.parent;
      if (call.node.type === 'CallExpression' && call.node.callee === parent) calls.push(call);
      else complete = false;
    }
    return { calls, complete };
  }
  const binding = functionBinding(fnPath);
  if (!binding) return { calls: [], complete: false };
  const holder = (binding.declPath.node.type === 'VariableDeclarator' ? binding.declPath.parent : binding.declPath).parent?.node;
  let complete = !(holder?.type === 'ExportNamedDeclaration' || holder?.type === 'ExportDefaultDeclaration');
  const calls: AnyNode[] = [];
  for (const ref of referencePaths(j, root, binding.name, binding.declPath)) {
    const call: AnyNode = ref.parent;
    if (call.node.type === 'CallExpression' && call.node.callee === ref.node) calls.push(call);
    else complete = false;
  }
  return { calls, complete };
}

/** For a function that is a class method (`name() {}` or `name = () => {}`): its name and whether it is private. */
function methodOf(fnPath: AnyNode): { name: string; private: boolean } | undefined {
  let p: AnyNode = fnPath;
  if (p.node.type !== 'ClassMethod' && p.node.type !== 'ClassPrivateMethod') {
    const holder = p.parent?.node.type;
    if (holder !== 'MethodDefinition' && holder !== 'ClassProperty' && holder !== 'PropertyDefinition') return undefined;
    p = p.parent;
  }
  const key = p.node.key;
  const name = key?.type === 'Identifier' ? key.name : key?.type === 'PrivateName' ? key.id.name : undefined;
  if (!name) return undefined;
  return { name, private: p.node.accessibility === 'private' || key.type === 'PrivateName' };
}

/** `f(...)`, `this.m(...)`, `x.y.m(...)`: the return values of same-file functions / methods of that name. */
function callReturns(j: JSCodeshift, root: Collection, path: AnyNode, next: (p: AnyNode) => void): boolean {
  const callee: AnyNode = unwrapExpression(path.node.callee);
  let fns: AnyNode[] = [];
  if (callee.type === 'Identifier') {
    const decl: AnyNode = declarationOf(callee.name, path);
    if (decl?.node.type === 'FunctionDeclaration') fns = [decl];
    else if (decl?.node.type === 'VariableDeclarator' && /Function/.test(unwrapExpression(decl.node.init)?.type ?? '')) fns = [unwrapPath(decl.get('init'))];
  } else if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    fns = methodsNamed(j, root, callee.property.name);
  }
  if (fns.length === 0) return false;
  for (const fn of fns) for (const r of returnPaths(j, fn)) next(r);
  return true;
}

/** Every class or object method (or function-valued field / property) named `name` in the file. */
export function methodsNamed(j: JSCodeshift, root: Collection, name: string): AnyNode[] {
  const out: AnyNode[] = [];
  for (const p of identifierPaths(j, root, name)) {
    const parent: AnyNode = p.parent?.node;
    if (!parent || parent.key !== p.node || parent.computed) continue;
    if (parent.type === 'ClassMethod' || parent.type === 'ObjectMethod') out.push(p.parent);
    else if (parent.type === 'MethodDefinition') out.push(p.parent.get('value'));
    else if (['ClassProperty', 'PropertyDefinition', 'ObjectProperty', 'Property'].includes(parent.type) && /Function/.test(parent.value?.type ?? '')) out.push(p.parent.get('value'));
  }
  return out;
}

/** The argument paths of the function's own `return` statements (an arrow with an expression body: the body). */
export function returnPaths(j: JSCodeshift, fnPath: AnyNode): AnyNode[] {
  const fn: AnyNode = fnPath.node;
  if (fn.body && fn.body.type !== 'BlockStatement') return [fnPath.get('body')];
  const out: AnyNode[] = [];
  j(fnPath.get('body'))
    .find(j.ReturnStatement)
    .forEach((r: AnyNode) => {
      let f: AnyNode = r.parent;
      while (f && !/Function|ClassMethod|ObjectMethod/.test(f.node.type)) f = f.parent;
      if (f !== fnPath && f?.node !== fn) return;
      if (r.node.argument) out.push(r.get('argument'));
    });
  return out;
}

/** `this.x` (class fields and assignments in the class) and `obj.key` on a resolvable object literal. */
function member(j: JSCodeshift, root: Collection, path: AnyNode, next: (p: AnyNode) => void): boolean {
  const node: AnyNode = path.node;
  if (node.computed || node.property.type !== 'Identifier') return false;
  const name: string = node.property.name;
  if (node.object.type === 'ThisExpression') {
    const cls = enclosingClass(path);
    if (!cls) return false;
    let found = false;
    j(cls)
      .find(j.Node)
      .forEach((p: AnyNode) => {
        const n: AnyNode = p.node;
        if ((n.type === 'ClassProperty' || n.type === 'PropertyDefinition') && keyName(n) === name && n.value) {
          found = true;
          next(p.get('value'));
        } else if (
          n.type === 'AssignmentExpression' &&
          n.operator === '=' &&
          n.left.type === 'MemberExpression' &&
          n.left.object.type === 'ThisExpression' &&
          !n.left.computed &&
          n.left.property.name === name
        ) {
          found = true;
          next(p.get('right'));
        }
      });
    return found;
  }
  const objects = possibleValues(j, root, path.get('object'));
  if (objects.open || objects.values.length === 0) return false;
  let found = false;
  for (const o of objects.values) {
    if (o.node.type !== 'ObjectExpression') return false;
    const props: AnyNode[] = o.node.properties;
    const i = props.map((p) => (p.type === 'ObjectProperty' || p.type === 'Property' ? keyName(p) : undefined)).lastIndexOf(name);
    if (i < 0) return false;
    found = true;
    next((o as AnyNode).get('properties', i, 'value'));
  }
  return found;
}

function enclosingClass(path: AnyNode): AnyNode | undefined {
  let p = path.parent;
  while (p && p.node.type !== 'ClassBody') p = p.parent;
  return p;
}

/** Skips `as`, `!`, `satisfies`, `<T>` and parentheses. */
export function unwrapPath(p: AnyNode): AnyNode {
  let cur = p;
  while (cur?.node && ['TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(cur.node.type)) {
    cur = cur.get('expression');
  }
  return cur;
}
