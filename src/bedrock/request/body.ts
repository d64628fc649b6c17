/**
 * The body of an InvokeModel input, followed to the object it is built from: `JSON.stringify(x)` inline or in a
 * const, `const` payloads, object spreads of shared defaults, straight-line `payload.x = v` assignments, and a
 * same-file helper returning an object literal. Gives the body's (name, value) entries; the payload declarations
 * that move into the command are removed by the plan's effects.
 */
import { declarationOf, isPlainProperty, isStringLiteral, keyName, referencePaths, staticString, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { type CodemodContext } from '../../engine/types';
import type { ASTPath } from 'jscodeshift';
import { jsonStringifyArg } from '../decode';
import { layoutProperties } from '../layout';
import { converseProperties } from './fields';
import { constDeclarator, findFunction, isReassigned, laterAssignment, referenceCount } from './scope';
import { type Entry, type RequestBuilder } from './state';
import { block } from '../result';
import { importedBodyCall } from '../flow/modules/body';
import { reportFollowed } from '../flow/modules/facts';
import { BODY_FROM_CALL, BODY_UNRESOLVED } from '../flow/modules/crossing';

/** The Converse properties that replace `body: ...`. */
export function mapBody(b: RequestBuilder, value: AnyNode, inputPath: ASTPath): AnyNode[] {
  // Runner only: a body built by another module's function that now returns the Converse fields.
  const imported = importedBodyCall(b.ctx, value, inputPath);
  if (imported && 'reason' in imported) block(imported.reason);
  if (imported) {
    b.textCompletion = imported.fact.textCompletion === true;
    b.effects.push(() => reportFollowed(b.ctx, imported.fact));
    return [b.j.spreadElement(imported.call)];
  }
  const payload = stringifiedPayload(b, value, inputPath);
  // A same-file helper `function build(...) { return {...} }` is rewritten where it is, and spread here.
  const call = unwrapExpression(payload);
  if (call.type === 'CallExpression' && call.callee.type === 'Identifier') {
    return [helperPayload(b, call, inputPath)];
  }
  const entries = payloadEntries(b, payload, inputPath, 0);
  return converseProperties(b, entries);
}

/** `JSON.stringify(x)` (inline, via a const, or wrapped in TextEncoder / Buffer.from) → x. */
export function stringifiedPayload(b: RequestBuilder, value: AnyNode, at: ASTPath): AnyNode {
  const v = unwrapExpression(value);
  const stringified = jsonStringifyArg(v);
  if (stringified) return stringified;
  if (v.type === 'Identifier') {
    const decl = constDeclarator(b, v.name, at);
    if (decl && decl.node.init) {
      const inner = jsonStringifyArg(unwrapExpression(decl.node.init));
      if (inner) {
        if (referenceCount(b, v.name, decl) !== 1) block(`body ("${v.name}") is used elsewhere too`);
        checkMove(b, decl, at, [decl.get('init')], v.name);
        b.effects.push(() => removeStatementOf(b.j, decl));
        return inner;
      }
    }
  }
  // `encoder.encode(JSON.stringify(x))` with a shared `const encoder = new TextEncoder()` (removed once unused).
  const c: AnyNode = v.type === 'CallExpression' && v.arguments.length === 1 ? v.callee : undefined;
  if (c?.type === 'MemberExpression' && !c.computed && c.property.name === 'encode' && c.object.type === 'Identifier') {
    const decl = constDeclarator(b, c.object.name, at);
    const init = decl && unwrapExpression(decl.node.init);
    const inner = jsonStringifyArg(v.arguments[0]);
    if (inner && init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'TextEncoder') {
      const name: string = c.object.name;
      b.cleanups.push(() => {
        if (referenceCount(b, name, decl) === 0) removeStatementOf(b.j, decl);
      });
      return inner;
    }
  }
  block(`${BODY_UNRESOLVED} to JSON.stringify(<object>)`);
}

/** A payload object → its (name, value) entries, following consts, spreads and later assignments. */
export function payloadEntries(b: RequestBuilder, payload: AnyNode, at: ASTPath, depth: number): Entry[] {
  if (depth > 4) block('body is built too indirectly');
  const p = unwrapExpression(payload);
  if (p.type === 'ObjectExpression') {
    const entries: Entry[] = [];
    for (const prop of p.properties) {
      if (prop.type === 'SpreadElement' || prop.type === 'SpreadProperty') {
        entries.push(...spreadEntries(b, prop.argument, at, depth + 1));
        continue;
      }
      if (!isPlainProperty(prop)) block('body has a method or getter');
      const name = keyName(prop);
      if (name === undefined) block('body has a computed key');
      entries.push({ name, value: prop.shorthand ? p.properties.find((x: AnyNode) => x === prop).value : prop.value });
    }
    return entries;
  }
  if (p.type === 'Identifier') {
    const decl = constDeclarator(b, p.name, at);
    if (!decl || !decl.node.init) block(`body ("${p.name}") cannot be resolved`);
    const uses = referencePaths(b.j, b.ctx.root, p.name, decl);
    const assignments: ASTPath[] = [];
    for (const use of uses) {
      if (use.node === p) continue;
      const assigned = laterAssignment(b, use, decl);
      if (!assigned) {
        const member: AnyNode = use.parent?.node;
        const assign: AnyNode = use.parent?.parent?.node;
        if (member?.type === 'MemberExpression' && member.object === use.node && assign?.type === 'AssignmentExpression' && assign.left === member) {
          const field = member.computed ? staticString(member.property) : member.property.name;
          block(`body field "${field ?? '?'}" is set conditionally or out of order (${p.name}.${field ?? '?'} = …)`);
        }
        block(`body ("${p.name}") is used elsewhere too`);
      }
      assignments.push(assigned);
    }
    const entries = payloadEntries(b, decl.node.init, decl, depth + 1);
    for (const a of assignments) {
      const left: AnyNode = (a.node as AnyNode).expression.left;
      const name = left.computed ? staticString(left.property) : left.property.name;
      entries.push({ name: name!, value: (a.node as AnyNode).expression.right });
      b.effects.push(() => b.j(a).remove());
    }
    checkMove(b, decl, at, [decl.get('init'), ...assignments.map((a) => (a as AnyNode).get('expression', 'right'))], p.name, assignments);
    b.effects.push(() => removeStatementOf(b.j, decl));
    return entries;
  }
  block(`${BODY_UNRESOLVED} to an object literal`);
}

/**
 * The payload declared at `decl` is moved into the command at `at`. That must not change what it
 * evaluates to: when other statements run in between, or the command sits in a loop or a nested
 * function, the moved expressions must be free of calls and of variables that are ever reassigned.
 */
export function checkMove(b: RequestBuilder, decl: AnyNode, at: AnyNode, values: AnyNode[], name: string, skip: ASTPath[] = []): void {
  const declStmt = decl.parent; // VariableDeclaration
  const holder = declStmt?.parent;
  let cur: AnyNode = at;
  let crossed = false;
  while (cur && cur.parent && cur.parent.node !== holder?.node) {
    const t = cur.node.type;
    if (/Function|Loop|While|For/.test(t) || t === 'DoWhileStatement') crossed = true;
    cur = cur.parent;
  }
  if (!cur || !cur.parent) block(`body ("${name}") is declared in another scope than the call`);
  const siblings: AnyNode[] = holder.node.body ?? [];
  const from = siblings.indexOf(declStmt.node);
  const to = siblings.indexOf(cur.node);
  if (from < 0 || to < 0 || to < from) block(`body ("${name}") is declared after the call`);
  const skipped = new Set(skip.map((s) => s.node));
  const between = siblings.slice(from + 1, to).filter((n) => !skipped.has(n));
  if (!crossed && between.length === 0) return;
  for (const v of values) {
    const reason = impurity(b, v);
    if (reason) block(`body ("${name}") ${reason} and is built before the call; moving it would change when that runs`);
  }
}

/** Why evaluating the expression at `path` later could give another value (a call, an assignment, a reassigned variable), or undefined. */
export function impurity(b: RequestBuilder, path: AnyNode): string | undefined {
  const j = b.j;
  let reason: string | undefined;
  const node = path;
  const pure = new Set(['stringify', 'String', 'Number', 'Boolean', 'trim', 'toString', 'join', 'toUpperCase', 'toLowerCase', 'slice', 'replace', 'from']);
  j(node).find(j.Node).forEach((p: AnyNode) => {
    if (reason) return;
    const n = p.node;
    if (n.type === 'CallExpression') {
      const c = n.callee;
      const fname = c.type === 'Identifier' ? c.name : c.type === 'MemberExpression' && !c.computed ? c.property.name : '';
      if (!pure.has(fname)) reason = `calls ${fname || 'a function'}()`;
    } else if (['NewExpression', 'AwaitExpression', 'YieldExpression', 'AssignmentExpression', 'UpdateExpression', 'TaggedTemplateExpression'].includes(n.type)) {
      reason = 'has side effects';
    } else if (n.type === 'Identifier' && p.parent && !(p.parent.node.type === 'MemberExpression' && p.parent.node.property === n && !p.parent.node.computed) && !(p.name === 'key' && !p.parent.node.computed)) {
      const d = declarationOf(n.name, p);
      const kind = d?.node.type === 'VariableDeclarator' ? (d.parent.node as AnyNode).kind : d ? 'param' : undefined;
      if (kind && kind !== 'const' && isReassigned(b, n.name, d)) reason = `reads "${n.name}", which is reassigned`;
    }
  });
  return reason;
}

/** `...x` in the body: a const object literal (shared defaults, copied) or an inline object. */
export function spreadEntries(b: RequestBuilder, arg: AnyNode, at: ASTPath, depth: number): Entry[] {
  const a = unwrapExpression(arg);
  if (a.type === 'Identifier') {
    const decl = constDeclarator(b, a.name, at);
    if (!decl || decl.parent.node.kind !== 'const' || unwrapExpression(decl.node.init)?.type !== 'ObjectExpression') {
      block(`body spreads "${a.name}", which cannot be resolved`);
    }
    // The spread source may be shared (defaults used by several calls): it is copied, not moved,
    // and removed once nothing refers to it.
    const name = a.name;
    b.cleanups.push(() => {
      if (decl.node && decl.parent && referenceCount(b, name, decl) === 0) removeStatementOf(b.j, decl);
    });
    return payloadEntriesShared(b, decl.node.init, decl, depth);
  }
  if (a.type === 'ObjectExpression') return payloadEntries(b, a, at, depth);
  block('body spreads a value that cannot be resolved');
}

/** Entries of a shared const object: values must be literals (copied, so they are safe to duplicate). */
export function payloadEntriesShared(b: RequestBuilder, obj: AnyNode, at: ASTPath, depth: number): Entry[] {
  const entries: Entry[] = [];
  for (const prop of unwrapExpression(obj).properties) {
    if (prop.type === 'SpreadElement' || prop.type === 'SpreadProperty') {
      entries.push(...spreadEntries(b, prop.argument, at, depth + 1));
      continue;
    }
    const name = keyName(prop);
    if (!isPlainProperty(prop) || name === undefined) block('a spread default has a computed key');
    if (!isConstantExpression(prop.value)) block(`spread default "${name}" is not a constant`);
    entries.push({ name, value: cloneNode(prop.value) });
  }
  return entries;
}

/** `body: JSON.stringify(build(args))` with `function build(...) { ...; return { ... } }` in this file. */
export function helperPayload(b: RequestBuilder, call: AnyNode, at: ASTPath): AnyNode {
  const j = b.j;
  const name = call.callee.name;
  const fn = findFunction(b, name, at);
  if (!fn) block(`${BODY_FROM_CALL} "${name}()", which is not a function of this file`);
  if (referenceCount(b, name, fn.bindingPath) !== 1) block(`"${name}()" builds bodies for other calls too`);
  const returns: AnyNode[] = [];
  const fnNode: AnyNode = fn.node;
  if (fnNode.body.type !== 'BlockStatement') returns.push(fnNode);
  else {
    j(fn.path)
      .find(j.ReturnStatement)
      .forEach((r) => {
        // Only returns of this function, not of nested functions.
        let cur: AnyNode = r.parent;
        while (cur && cur.node !== fnNode && !/Function|ArrowFunction/.test(cur.node.type)) cur = cur.parent;
        if (cur && cur.node === fnNode) returns.push(r.node);
      });
  }
  if (returns.length !== 1) block(`"${name}()" must return one object literal`);
  const ret = returns[0];
  const obj = unwrapExpression(ret.type === 'ReturnStatement' ? ret.argument : ret.body);
  if (obj?.type !== 'ObjectExpression') block(`"${name}()" does not return an object literal`);
  if (fnNode.returnType) block(`"${name}()" declares a return type`);
  if (fnNode.async || fnNode.generator) block(`"${name}()" is async`);
  const entries = payloadEntries(b, obj, fn.path, 1);
  const props = converseProperties(b, entries);
  b.effects.push(() => {
    obj.properties = layoutProperties(b.ctx, props, obj);
    if (b.isTs) {
      const t = b.options.typeRef?.('ConverseCommandInput');
      if (t) {
        fnNode.returnType = j.tsTypeAnnotation(
          j.tsTypeReference(j.identifier('Omit'), j.tsTypeParameterInstantiation([j.tsTypeReference(t), j.tsLiteralType(j.stringLiteral('modelId'))])),
        );
      }
    }
  });
  return j.spreadElement(call);
}


/** Removes a declarator (its whole statement when alone); an exported one stays. */
export function removeStatementOf(j: CodemodContext['j'], declarator: ASTPath): void {
  const declaration: AnyNode = declarator.parent;
  if (declaration?.node.type === 'VariableDeclaration' && declaration.node.declarations.length === 1) {
    const holder = declaration.parent?.node;
    if (holder?.type === 'ExportNamedDeclaration') return; // exported: keep it
    j(declaration).remove();
  } else j(declarator).remove();
}

/** True for literals and arrays/objects of literals: safe to copy to another place. */
export function isConstantExpression(n: AnyNode): boolean {
  const v = unwrapExpression(n);
  if (!v) return false;
  if (isStringLiteral(v) || v.type === 'NumericLiteral' || v.type === 'BooleanLiteral' || (v.type === 'Literal' && v.value !== null && typeof v.value !== 'object')) return true;
  if (v.type === 'TemplateLiteral') return v.expressions.length === 0;
  if (v.type === 'UnaryExpression' && v.operator === '-') return isConstantExpression(v.argument);
  if (v.type === 'ArrayExpression') return v.elements.every(isConstantExpression);
  if (v.type === 'ObjectExpression') return v.properties.every((p: AnyNode) => isPlainProperty(p) && !p.computed && isConstantExpression(p.value));
  return false;
}

/** A deep copy of a constant expression without location info (it is printed fresh). */
export function cloneNode(n: AnyNode): AnyNode {
  if (Array.isArray(n)) return n.map(cloneNode);
  if (!n || typeof n !== 'object') return n;
  const out: AnyNode = {};
  for (const k of Object.keys(n)) {
    if (k === 'loc' || k === 'start' || k === 'end' || k === 'comments' || k === 'tokens' || k === 'original') continue;
    out[k] = cloneNode(n[k]);
  }
  return out;
}


