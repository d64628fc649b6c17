/**
 * The parsed Anthropic message: where `JSON.parse(…)` is kept (a variable, a destructuring, an inline read) and
 * each of its fields read → its place in the Converse output (`content` → `output.message.content`,
 * `stop_reason` → `stopReason`, `usage` → `usage`), or the reason it has none.
 */
import { referencePaths, removeDeclarator, staticString, type AnyNode } from '../../ast/bedrock';
import { chain, comparedAt } from './chain';
import { freshName, trackVariable, use } from './follow';
import { returnedMessage } from './helpers';
import { type Kind, type ResponseAnalyzer } from './state';
import { block } from '../result';
import { ANTHROPIC_ONLY, MESSAGE_FIELDS } from '../vocabulary';

/** `JSON.parse(...)` of the body: the Anthropic message. */
export function parsed(a: ResponseAnalyzer, parsePath: AnyNode): void {
  a.reachedMessage = true;
  if (a.boundary) {
    noAnthropicOnlyFields(a, parsePath);
    const response = responseExpr(a, parsePath);
    a.rewrites.push(() => parsePath.replace(a.j.callExpression(a.j.identifier('toAnthropicMessage'), [response])));
    return;
  }
  let p: AnyNode = parsePath;
  while (['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression'].includes(p.parent.node.type)) p = p.parent;
  const parent: AnyNode = p.parent.node;
  if (parent.type === 'VariableDeclarator' && parent.init === p.node) {
    if (parent.id.type === 'Identifier') {
      // A type annotation describes the Anthropic body: it goes with the declaration.
      const declarator = p.parent;
      const kind = (declarator.parent.node as AnyNode).kind;
      trackVariable(a, declarator, 'message');
      const name = parent.id.name;
      if (a.responseName && kind !== 'var' && sameFunction(a, declarator, name)) {
        // `const data = JSON.parse(decode(response.body))`: uses of `data` read `response` directly.
        const responseName = a.responseName;
        for (const r of referencePaths(a.j, a.ctx.root, name, declarator)) {
          a.rewrites.unshift(() => {
            (r.node as AnyNode).name = responseName;
          });
        }
        a.rewrites.push(() => removeDeclarator(a.j, declarator));
      } else {
        a.rewrites.push(() => {
          if (parent.id.typeAnnotation) parent.id.typeAnnotation = null;
          parent.init = responseExpr(a, parsePath);
        });
      }
      return;
    }
    if (parent.id.type === 'ObjectPattern') return destructureMessage(a, p.parent, parsePath);
    block('the parsed response is destructured in a nested way');
  }
  // Inline use: JSON.parse(...).content → response.output.message.content
  useMessageAt(a, p, () => responseExpr(a, parsePath));
}

/** `message.id`, `.model`, `.stop_sequence` read here: Converse does not return them, no helper can. */
export function noAnthropicOnlyFields(a: ResponseAnalyzer, parsePath: AnyNode): void {
  let p: AnyNode = parsePath;
  while (['ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression'].includes(p.parent.node.type)) p = p.parent;
  const parent: AnyNode = p.parent.node;
  const reads = (q: AnyNode): void => {
    const m: AnyNode = q.parent?.node;
    if ((m?.type === 'MemberExpression' || m?.type === 'OptionalMemberExpression') && m.object === q.node) {
      const field = m.computed ? staticString(m.property) : m.property.name;
      if (field && ANTHROPIC_ONLY.includes(field)) block(`response field "${field}" has no Converse equivalent`);
    }
  };
  if (parent.type === 'VariableDeclarator' && parent.init === p.node && parent.id.type === 'Identifier') {
    for (const r of referencePaths(a.j, a.ctx.root, parent.id.name, p.parent)) reads(r);
  } else if (parent.type === 'VariableDeclarator' && parent.id.type === 'ObjectPattern') {
    for (const prop of parent.id.properties) {
      const key = prop.key?.name ?? prop.key?.value;
      if (ANTHROPIC_ONLY.includes(key)) block(`response field "${key}" has no Converse equivalent`);
    }
  } else reads(p);
}

/** Whether the response variable is visible (and the same binding) wherever `name` is used. */
export function sameFunction(a: ResponseAnalyzer, declarator: AnyNode, name: string): boolean {
  const responseName = a.responseName!;
  if (a.freshScope) {
    // The response variable is introduced by the rewrite: every use must sit inside its scope, unshadowed.
    for (const r of referencePaths(a.j, a.ctx.root, name, declarator)) {
      if ((r as AnyNode).scope.lookup(responseName)) return false;
      let s = (r as AnyNode).scope;
      while (s && s !== a.freshScope) s = s.parent;
      if (!s) return false;
    }
    return true;
  }
  const home = declarator.scope.lookup(responseName);
  if (!home) return false;
  for (const r of referencePaths(a.j, a.ctx.root, name, declarator)) {
    if ((r as AnyNode).scope.lookup(responseName) !== home) return false;
  }
  return true;
}

/** The expression that now stands for the response where the parsed message was: the variable or the awaited call. */
export function responseExpr(a: ResponseAnalyzer, parsePath: AnyNode): AnyNode {
  if (a.responseName) return a.j.identifier(a.responseName);
  // The decode chain wraps `(await send(...)).body`: find the AwaitExpression inside it.
  let found: AnyNode;
  a.j(parsePath)
    .find(a.j.AwaitExpression)
    .forEach((awaited) => {
      if (!found) found = awaited.node;
    });
  if (!found) block('cannot find the awaited call');
  return found;
}

/** A use of a variable holding the parsed message. */
export function useMessage(a: ResponseAnalyzer, p: AnyNode): void {
  useMessageAt(a, p, undefined);
}

/**
 * A use of the parsed message at `p`. `base` builds the replacement for the message itself when it is
 * not a variable that is renamed (inline `JSON.parse(...)`).
 */
export function useMessageAt(a: ResponseAnalyzer, p: AnyNode, base: (() => AnyNode) | undefined): void {
  const parent: AnyNode = p.parent.node;
  const node: AnyNode = p.node;
  const isMember = (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.object === node;
  if (!isMember) {
    if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'ObjectPattern') {
      return destructureMessage(a, p.parent, undefined);
    }
    if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier' && !parent.id.typeAnnotation) {
      return trackVariable(a, p.parent, 'message');
    }
    if ((parent.type === 'ReturnStatement' && parent.argument === node) || (parent.type === 'ArrowFunctionExpression' && parent.body === node)) {
      // `return JSON.parse(...)` from a same-file helper: followed into every call of the helper.
      returnedMessage(a, p);
      if (base) a.rewrites.push(() => p.replace(base()));
      return;
    }
    if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier' && a.helperAssigned.has(node)) return;
    block('the parsed response escapes whole into other code');
  }
  const field = parent.computed ? staticString(parent.property) : parent.property.name;
  const optional = parent.type === 'OptionalMemberExpression' || parent.optional;
  const memberPath = p.parent;
  const baseNode = () => (base ? base() : node);
  if (a.textCompletion) {
    if (field === 'completion') {
      a.rewrites.push(() => {
        memberPath.replace(chain(a, baseNode(), MESSAGE_FIELDS.content, optional, [0, 'text']));
        a.ctx.note('Text Completions `completion` often began with a space; the Converse text does not', memberPath);
      });
      return;
    }
    if (field === 'stop_reason') block('Text Completions stop_reason values differ from Converse stopReason');
    block(`Text Completions response field "${field}" has no Converse equivalent`);
  }
  if (field === 'content') {
    a.rewrites.push(() => memberPath.replace(chain(a, baseNode(), MESSAGE_FIELDS.content, optional)));
    return use(a, memberPath, 'blocks');
  }
  if (field === 'role') {
    a.rewrites.push(() => memberPath.replace(chain(a, baseNode(), MESSAGE_FIELDS.role, optional)));
    return;
  }
  if (field === 'stop_reason') {
    a.rewrites.push(() => memberPath.replace(chain(a, baseNode(), MESSAGE_FIELDS.stop_reason, optional, [], comparedAt(a, memberPath))));
    return use(a, memberPath, 'stopReason');
  }
  if (field === 'usage') {
    a.rewrites.push(() => memberPath.replace(chain(a, baseNode(), MESSAGE_FIELDS.usage, optional)));
    return use(a, memberPath, 'usage');
  }
  block(`response field "${field ?? '?'}" has no Converse equivalent`);
}

/** `const { content, stop_reason, usage } = <message>` → one declarator per field. */
export function destructureMessage(a: ResponseAnalyzer, declaratorPath: AnyNode, parsePath: AnyNode | undefined): void {
  const j = a.j;
  const decl: AnyNode = declaratorPath.node;
  const declaration: AnyNode = declaratorPath.parent.node;
  if (declaration.declarations.length !== 1) block('the parsed response is destructured among other declarations');
  const fields: Array<{ key: string; local: string }> = [];
  for (const prop of decl.id.properties) {
    if (prop.type !== 'ObjectProperty' && prop.type !== 'Property') block('the parsed response is destructured with a rest element');
    const key = prop.computed ? undefined : prop.key.name ?? prop.key.value;
    if (!key || prop.value.type !== 'Identifier') block('the parsed response is destructured in a nested way');
    fields.push({ key, local: prop.value.name });
  }
  const map: Record<string, { path: string[]; kind?: Kind }> = a.textCompletion
    ? { completion: { path: MESSAGE_FIELDS.content } }
    : {
        content: { path: MESSAGE_FIELDS.content, kind: 'blocks' },
        role: { path: MESSAGE_FIELDS.role },
        stop_reason: { path: MESSAGE_FIELDS.stop_reason, kind: 'stopReason' },
        usage: { path: MESSAGE_FIELDS.usage, kind: 'usage' },
      };
  for (const f of fields) if (!map[f.key]) block(`response field "${f.key}" has no Converse equivalent`);
  // Follow each local.
  const declarationPath = declaratorPath.parent;
  for (const f of fields) {
    const kind = map[f.key].kind;
    if (!kind) continue;
    const bindingScope = declaratorPath.scope;
    j(declarationPath.parent)
      .find(j.Identifier, { name: f.local } as never)
      .forEach((r: AnyNode) => {
        if (r.scope.lookup(f.local) !== bindingScope) return;
        const par = r.parent.node;
        if ((par.type === 'ObjectProperty' || par.type === 'Property') && declarationContains(decl, par)) return;
        if ((par.type === 'MemberExpression' || par.type === 'OptionalMemberExpression') && par.property === r.node && !par.computed) return;
        if ((par.type === 'ObjectProperty' || par.type === 'Property') && par.key === r.node && !par.computed && !par.shorthand) return;
        use(a, r, kind);
      });
  }
  a.rewrites.push(() => {
    const source = parsePath ? responseExpr(a, parsePath) : decl.init;
    const needsVar = fields.length > 1 && source.type !== 'Identifier';
    const baseName = needsVar ? freshName(a, declaratorPath, 'response') : undefined;
    const declarators: AnyNode[] = [];
    if (needsVar) declarators.push(j.variableDeclarator(j.identifier(baseName!), source));
    const baseExpr = () => (needsVar ? j.identifier(baseName!) : source.type === 'Identifier' ? j.identifier(source.name) : source);
    for (const f of fields) {
      const m = map[f.key];
      const extra = a.textCompletion ? [0, 'text'] : [];
      declarators.push(j.variableDeclarator(j.identifier(f.local), chain(a, baseExpr(), m.path, false, extra as Array<string | number>)));
    }
    declaration.declarations = declarators;
  });
}


/** True when `prop` is a property of the declarator's object pattern. */
export function declarationContains(decl: AnyNode, prop: AnyNode): boolean {
  return decl.id.properties.includes(prop);
}


