import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { isObjectProperty, keyName, pruneStatement, stringValue, unwrap, walk, type AnyNode } from './ast';
import { CommandReader } from './commands';
import { EDITOR_COMMANDS, NEW_EDITOR_TYPE, UNDO_COMMAND } from './facts';
import { cutItems, forEachFresh, type ItemCut } from './list-text';

const EQUALS = new Set(['===', '==']);
const NOT_EQUALS = new Set(['!==', '!=']);
const TERMINATORS = new Set(['ReturnStatement', 'ThrowStatement', 'BreakStatement', 'ContinueStatement']);
const LEXICAL = new Set(['ClassDeclaration', 'FunctionDeclaration']);

const REMOVED_BY_HAND = `undo_edit no longer exists in ${NEW_EDITOR_TYPE} (Claude 4); this use was left as it is: remove it by hand`;
const FELL_INTO_UNDO = 'this case fell through into the undo_edit case, whose statements were kept here; undo_edit itself was removed';

export interface UndoRemoval {
  changed: boolean;
  /** Nodes taken out of the tree: what they referenced may now be unreferenced. */
  removed: AnyNode[];
  /** True when the file shows it handles the text editor's commands. */
  evidence: boolean;
}

/**
 * Takes `undo_edit` out of everything that lists or dispatches on the text editor's commands:
 * switch cases, if/else-if chains, conditions, handler maps, arrays, schemas, unions, enums.
 * `strongFile` says the file handles the text editor tool (a tool definition or the tool name).
 * There, or once some list names undo_edit with two other editor commands, one sibling command is
 * evidence enough; otherwise a list must name two other editor commands to be touched.
 */
export function removeUndoEdit(ctx: CodemodContext, strongFile: boolean): UndoRemoval {
  const { j, root } = ctx;
  const reader = new CommandReader(j, root);
  const removed: AnyNode[] = [];
  let changed = false;
  const isUndo = (node: AnyNode) => reader.value(node) === UNDO_COMMAND;
  const editorCommands = (values: Array<string | undefined>) =>
    new Set(values.filter((v): v is string => v !== undefined && EDITOR_COMMANDS.has(v))).size;
  const comparedUndo = (node: AnyNode, ops: Set<string>): boolean => {
    const n = unwrap(node);
    if (n?.type !== 'BinaryExpression' || !ops.has(n.operator)) return false;
    return (isUndo(n.left) && stringValue(unwrap(n.right)) === undefined) || (isUndo(n.right) && stringValue(unwrap(n.left)) === undefined);
  };
  const commandsCompared = (node: AnyNode): string[] => {
    const found: string[] = [];
    walk(node, (n) => {
      if (n.type === 'BinaryExpression') {
        const v = reader.value(n.left) ?? reader.value(n.right);
        if (v) found.push(v);
      }
    });
    return found;
  };
  const caseValues = (node: AnyNode) => node.cases.map((c: AnyNode) => (c.test ? reader.value(c.test) : undefined));
  const memberKey = (m: AnyNode) => (m.computed ? reader.value(m.key) : keyName(m));

  // Evidence first: a list or chain somewhere in the file that names undo_edit and two other editor
  // commands shows the file handles the text editor.
  const groups: Array<Array<string | undefined>> = [];
  j.types.visit(root.get(), {
    visitSwitchStatement(p) {
      groups.push(caseValues(p.node));
      this.traverse(p);
    },
    visitIfStatement(p) {
      groups.push(chainOf(p as ASTPath).flatMap((n) => commandsCompared(n.test)));
      this.traverse(p);
    },
    visitArrayExpression(p) {
      groups.push((p.node as AnyNode).elements.map((e: AnyNode) => reader.element(e)));
      this.traverse(p);
    },
    visitTSUnionType(p) {
      groups.push((p.node as AnyNode).types.map((t: AnyNode) => reader.element(t)));
      this.traverse(p);
    },
    visitObjectExpression(p) {
      groups.push((p.node as AnyNode).properties.map(memberKey));
      this.traverse(p);
    },
  });
  const evidence = strongFile || groups.some((g) => g.includes(UNDO_COMMAND) && editorCommands(g) >= 2);
  const siblingsShow = (values: Array<string | undefined>) => editorCommands(values) >= (evidence ? 1 : 2);

  // 1. switch cases: alone, grouped with other labels, falling through or fallen into.
  forEachFresh(
    () => root.find(j.SwitchStatement),
    (path) => {
      const node = path.node as AnyNode;
      const values = caseValues(node);
      if (!values.includes(UNDO_COMMAND) || !siblingsShow(values) || ctx.isIgnored(path)) return false;
      const cuts: ItemCut[] = [];
      const merged: number[] = [];
      node.cases.forEach((current: AnyNode, i: number) => {
        if (!current.test || !isUndo(current.test)) return;
        const previous = i > 0 ? node.cases[i - 1] : undefined;
        const previousCut = cuts.some((c) => c.index === i - 1);
        if (current.consequent.length === 0) {
          cuts.push({ index: i, kind: 'item' });
        } else if (previous && !previousCut && previous.consequent.length === 0) {
          // `case 'insert': case 'undo_edit': body` → the body stays with the labels before it.
          cuts.push({ index: i, kind: 'label' });
        } else if (previous && !previousCut && fallsThrough(previous)) {
          // The case before runs into this one: its statements stay for it, only the label goes.
          cuts.push({ index: i, kind: 'label' });
          merged.push(i - 1 - cuts.filter((c) => c.index < i - 1).length);
        } else {
          cuts.push({ index: i, kind: 'item' });
          removed.push(current);
        }
      });
      const edited = cutItems(ctx, path, cuts);
      for (const index of merged) ctx.note(FELL_INTO_UNDO, edited.get('cases', index) as ASTPath);
      changed = true;
      return true;
    },
  );

  // 2. if / else-if branches on `command === 'undo_edit'`.
  const ifs: ASTPath[] = [];
  root.find(j.IfStatement).forEach((path) => {
    if (comparedUndo((path.node as AnyNode).test, EQUALS)) ifs.push(path as ASTPath);
  });
  for (const path of ifs.reverse()) {
    const node = path.node as AnyNode;
    if (ctx.isIgnored(path) || !siblingsShow(chainOf(path).flatMap((n) => commandsCompared(n.test))) && !evidence) continue;
    const parent = path.parentPath?.node as AnyNode;
    const alternate = node.alternate;
    if (parent?.type === 'IfStatement' && parent.alternate === node) {
      parent.alternate = alternate ?? null;
    } else if (!Array.isArray(path.parentPath?.value)) {
      // `if (a) if (cmd === 'undo_edit') …`: the inner statement becomes its else branch, or nothing.
      path.replace(alternate ?? j.blockStatement([]));
    } else if (!alternate) {
      pruneStatement(j, path);
    } else if (alternate.type === 'BlockStatement' && !alternate.body.some(isLexical)) {
      const body = alternate.body as AnyNode[];
      if (body.length > 0) body[0].comments = [...(node.comments ?? []), ...(body[0].comments ?? [])];
      path.replace(...body);
    } else {
      alternate.comments = [...(node.comments ?? []), ...(alternate.comments ?? [])];
      path.replace(alternate);
    }
    removed.push(node.consequent, node.test);
    changed = true;
  }

  // 3. `command === 'undo_edit' ? a : b` → b.
  if (evidence) {
    root.find(j.ConditionalExpression).forEach((path) => {
      const node = path.node as AnyNode;
      if (ctx.isIgnored(path as ASTPath)) return;
      if (comparedUndo(node.test, EQUALS)) {
        removed.push(node.consequent);
        path.replace(node.alternate);
        changed = true;
      } else if (comparedUndo(node.test, NOT_EQUALS)) {
        removed.push(node.alternate);
        path.replace(node.consequent);
        changed = true;
      }
    });
  }

  // 4. `a || command === 'undo_edit'` → a, `a && command !== 'undo_edit'` → a.
  const logicals: ASTPath[] = [];
  root.find(j.LogicalExpression).forEach((path) => void logicals.push(path as ASTPath));
  for (const path of logicals.reverse()) {
    const node = path.node as AnyNode;
    if (ctx.isIgnored(path) || !(evidence || siblingsShow(commandsCompared(node)))) continue;
    const ops = node.operator === '||' ? EQUALS : node.operator === '&&' ? NOT_EQUALS : undefined;
    if (!ops) continue;
    if (comparedUndo(node.right, ops)) path.replace(node.left);
    else if (comparedUndo(node.left, ops)) path.replace(node.right);
    else continue;
    changed = true;
  }

  // 5. handler maps `{ view: …, undo_edit: … }` and typed maps `{ undo_edit: Handler }`.
  const cutKeyed = (key: string) => (path: ASTPath) => {
    const list = (path.node as AnyNode)[key] as AnyNode[];
    const keys = list.map(memberKey);
    if (!keys.includes(UNDO_COMMAND) || !siblingsShow(keys) || ctx.isIgnored(path)) return false;
    const cuts: ItemCut[] = [];
    list.forEach((member, index) => {
      if (keys[index] !== UNDO_COMMAND) return;
      cuts.push({ index, kind: 'item' });
      removed.push(member);
    });
    cutItems(ctx, path, cuts);
    changed = true;
    return true;
  };
  forEachFresh(() => root.find(j.ObjectExpression), cutKeyed('properties'));
  forEachFresh(() => root.find(j.TSTypeLiteral), cutKeyed('members'));
  forEachFresh(() => root.find(j.TSInterfaceBody), cutKeyed('body'));

  // 5b. an executor class whose methods are the commands (`view()`, …, `undo_edit()`, called as
  //     `this[input.command](input)`): the undo_edit method goes unless it is named elsewhere.
  root.find(j.ClassBody).forEach((path) => {
    const members = (path.node as AnyNode).body as AnyNode[];
    const keys = members.map((m) => (/Method|Property/.test(m.type) ? memberKey(m) : undefined));
    if (!keys.includes(UNDO_COMMAND) || !siblingsShow(keys) || ctx.isIgnored(path as ASTPath)) return;
    if (root.find(j.MemberExpression, { property: { name: UNDO_COMMAND } }).size() > 0) return;
    for (let i = members.length - 1; i >= 0; i--) {
      if (keys[i] !== UNDO_COMMAND) continue;
      removed.push(members[i]);
      pruneStatement(j, path.get('body', i) as ASTPath);
      changed = true;
    }
  });

  // 6. arrays of commands, JSON schema enums and branches, zod enums / unions / discriminated unions,
  //    Map entries; 7. union types of commands or of command variants.
  const cutElements = (key: string) => (path: ASTPath) => {
    const list = (path.node as AnyNode)[key] as AnyNode[];
    const values = list.map((e) => reader.element(e));
    if (!values.includes(UNDO_COMMAND) || !siblingsShow(values) || ctx.isIgnored(path)) return false;
    const cuts: ItemCut[] = [];
    list.forEach((element, index) => {
      if (values[index] !== UNDO_COMMAND) return;
      cuts.push({ index, kind: 'item' });
      removed.push(element);
    });
    cutItems(ctx, path, cuts);
    changed = true;
    return true;
  };
  forEachFresh(() => root.find(j.ArrayExpression), cutElements('elements'));
  forEachFresh(() => root.find(j.TSUnionType), cutElements('types'));

  // 8. `handlers.set('undo_edit', fn);` and links of `map.set(…).set('undo_edit', fn).set(…)` chains.
  if (evidence) {
    const calls: ASTPath[] = [];
    root.find(j.CallExpression).forEach((path) => {
      const node = path.node as AnyNode;
      const callee = node.callee;
      if (callee?.type !== 'MemberExpression' || callee.property?.name !== 'set' || !isUndo(node.arguments[0])) return;
      if (!ctx.isIgnored(path as ASTPath)) calls.push(path as ASTPath);
    });
    for (const call of calls.reverse()) {
      const node = call.node as AnyNode;
      const parent = call.parentPath?.node as AnyNode;
      removed.push(...node.arguments);
      if (node.callee.object.type === 'CallExpression' || (parent?.type === 'MemberExpression' && parent.object === node)) {
        // `.set()` returns the map: the chain goes on from the map without this link.
        call.replace(node.callee.object);
      } else if (parent?.type === 'ExpressionStatement') {
        pruneStatement(j, call.parentPath as ASTPath);
      } else {
        removed.length -= node.arguments.length;
        continue;
      }
      changed = true;
    }
  }

  // 9. enum members and constant-object entries whose value is undo_edit, once nothing uses them.
  const cutMembers = (path: ASTPath, owner: string, list: AnyNode[], values: Array<string | undefined>, nameOf: (m: AnyNode) => string | undefined) => {
    if (!values.includes(UNDO_COMMAND) || !siblingsShow(values) || ctx.isIgnored(path)) return false;
    const cuts: ItemCut[] = [];
    list.forEach((member, index) => {
      if (values[index] !== UNDO_COMMAND) return;
      if (usesOfMember(ctx, owner, nameOf(member)) > 0) ctx.marker(path, REMOVED_BY_HAND);
      else cuts.push({ index, kind: 'item' });
    });
    if (cuts.length === 0) return false;
    cutItems(ctx, path, cuts);
    changed = true;
    return true;
  };
  forEachFresh(
    () => root.find(j.TSEnumDeclaration),
    (path) => {
      const node = path.node as AnyNode;
      const values = node.members.map((m: AnyNode) => stringValue(m.initializer));
      return cutMembers(path, node.id.name, node.members, values, (m) => (m.id.type === 'Identifier' ? m.id.name : stringValue(m.id)));
    },
  );
  forEachFresh(
    () => root.find(j.VariableDeclarator),
    (path) => {
      const node = path.node as AnyNode;
      if (node.id.type !== 'Identifier' || unwrap(node.init)?.type !== 'ObjectExpression') return false;
      const objectPath = objectPathOf(path);
      const object = objectPath.node as AnyNode;
      const values = object.properties.map((p: AnyNode) => (isObjectProperty(p) ? stringValue(unwrap(p.value)) : undefined));
      return cutMembers(objectPath, node.id.name, object.properties, values, keyName);
    },
  );

  return { changed, removed, evidence };
}

/** The path of the object literal a `const X = { … } as const` declarator holds. */
function objectPathOf(declarator: ASTPath): ASTPath {
  let path = declarator.get('init') as ASTPath;
  while ((path.node as AnyNode).type !== 'ObjectExpression') path = path.get('expression') as ASTPath;
  return path;
}

/** Marks whatever still says undo_edit after the removal: it is left for a person. */
export function markRemainingUndo(ctx: CodemodContext): void {
  const { j, root } = ctx;
  const mark = (path: ASTPath) => {
    if (!ctx.isIgnored(path)) ctx.marker(path, REMOVED_BY_HAND);
  };
  root.find(j.StringLiteral, { value: UNDO_COMMAND }).forEach((p) => mark(p as ASTPath));
  root.find(j.Literal, { value: UNDO_COMMAND }).forEach((p) => mark(p as ASTPath));
  root.find(j.Identifier, { name: UNDO_COMMAND }).forEach((p) => mark(p as ASTPath));
}

/** The tests of the whole if / else-if chain a branch belongs to. */
function chainOf(path: ASTPath): AnyNode[] {
  let top = path;
  while ((top.parentPath?.node as AnyNode)?.type === 'IfStatement' && (top.parentPath!.node as AnyNode).alternate === top.node) {
    top = top.parentPath as ASTPath;
  }
  const chain: AnyNode[] = [];
  let current: AnyNode = top.node;
  while (current?.type === 'IfStatement') {
    chain.push(current);
    current = current.alternate;
  }
  return chain;
}

function isLexical(statement: AnyNode): boolean {
  return LEXICAL.has(statement.type) || (statement.type === 'VariableDeclaration' && statement.kind !== 'var');
}

/** Whether control can run off the end of a case into the next one. */
function fallsThrough(switchCase: AnyNode): boolean {
  return !ends(switchCase.consequent);
}

function ends(statements: AnyNode[]): boolean {
  const last = statements[statements.length - 1];
  if (!last) return false;
  if (TERMINATORS.has(last.type)) return true;
  if (last.type === 'BlockStatement') return ends(last.body);
  if (last.type === 'IfStatement') return !!last.alternate && ends([last.consequent]) && ends([last.alternate]);
  return false;
}

/** How many times `Owner.member` / `Owner['member']` (value or type) is used in the file. */
function usesOfMember(ctx: CodemodContext, owner: string, member: string | undefined): number {
  const { j, root } = ctx;
  if (!member) return 1;
  let count = 0;
  root.find(j.MemberExpression).forEach((p) => {
    const n = p.node as AnyNode;
    if (n.object.type !== 'Identifier' || n.object.name !== owner) return;
    const name = n.computed ? stringValue(n.property) : n.property.name;
    if (name === member) count++;
  });
  root.find(j.TSQualifiedName).forEach((p) => {
    const n = p.node as AnyNode;
    if (n.left.type === 'Identifier' && n.left.name === owner && n.right.name === member) count++;
  });
  return count;
}
