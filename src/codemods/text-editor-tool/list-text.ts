import type { ASTPath, Collection } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { walk, type AnyNode } from './ast';

/**
 * Removing items from a list (switch cases, object properties, array elements, enum members, union
 * members) while keeping the list's layout.
 *
 * recast prints a node whose list changed length from scratch. Its printer then puts `case` flush
 * with `switch`, adds blank lines between multi-line properties and drops trailing commas, which
 * rewrites lines that did not change. So when the list's node is exactly as it was parsed (nothing
 * inside it changed), the removed ranges are cut out of that node's own source, by node positions
 * (never by pattern), and the result is parsed again; recast then reuses that text as it is. Anything
 * unusual (a change inside, a multi-line template, text that does not parse alone) falls back to
 * editing the list in the tree, which is equally correct, only reprinted.
 */

/** A cut: the item at `index` goes whole, or only a switch case's label goes (its statements join the case before). */
export interface ItemCut {
  index: number;
  kind: 'item' | 'label';
}

type Context = 'statement' | 'expression' | 'type';

interface ListSpec {
  key: string;
  context: Context;
}

const LISTS: Record<string, ListSpec> = {
  SwitchStatement: { key: 'cases', context: 'statement' },
  ObjectExpression: { key: 'properties', context: 'expression' },
  ArrayExpression: { key: 'elements', context: 'expression' },
  TSEnumDeclaration: { key: 'members', context: 'statement' },
  TSUnionType: { key: 'types', context: 'type' },
  TSTypeLiteral: { key: 'members', context: 'type' },
  TSInterfaceBody: { key: 'body', context: 'statement' },
};

/** Cuts items from the list of the node at `path`; returns the path of the (possibly new) node. */
export function cutItems(ctx: CodemodContext, path: ASTPath, cuts: readonly ItemCut[]): ASTPath {
  const node = path.node as AnyNode;
  const spec = LISTS[node.type];
  if (!spec || cuts.length === 0) return path;
  const replacement = pristine(ctx, path) ? reparse(ctx, node, spec, cuts) : undefined;
  if (replacement) {
    const parent = path.parentPath as ASTPath;
    const name = path.name as number | string;
    path.replace(replacement);
    return parent.get(name) as ASTPath;
  }
  const list = node[spec.key] as AnyNode[];
  for (const cut of [...cuts].sort((a, b) => b.index - a.index)) {
    if (cut.kind === 'label') list[cut.index - 1].consequent.push(...list[cut.index].consequent);
    list.splice(cut.index, 1);
  }
  return path;
}

/** True when nothing inside the node changed since it was parsed (so its source text is still its text). */
function pristine(ctx: CodemodContext, path: ASTPath): boolean {
  const node = path.node as AnyNode;
  if (typeof node.start !== 'number' || typeof node.end !== 'number') return false;
  let multilineTemplate = false;
  walk(node, (n) => {
    if (n.type === 'TemplateLiteral' && n.loc && n.loc.start.line !== n.loc.end.line) multilineTemplate = true;
  });
  const text = texts(ctx)?.parsed;
  // A node parsed from a snippet (an earlier cut) has offsets into that snippet, not into the file.
  const fromFile = node.loc ? node.loc.lines === (ctx.root.get().node as AnyNode).loc?.lines : !REPARSED.has(node);
  return !multilineTemplate && fromFile && text !== undefined && text.length >= node.end && unchanged(node);
}

/** Nodes this module parsed from snippets (some, like exported enums, carry no location to tell). */
const REPARSED = new WeakSet<object>();

/**
 * The text node offsets refer to, and the way back to the file's own text. recast gives the parser the
 * source with `\n` line ends and leading tabs expanded to spaces, so offsets differ from the file's text
 * in CRLF and tab-indented files; cuts are made in the file's text (its tabs and line ends stay).
 */
interface Texts {
  parsed: string;
  original: string;
  toOriginal(offset: number): number | undefined;
}

const TEXTS = new WeakMap<object, Texts | undefined>();

function texts(ctx: CodemodContext): Texts | undefined {
  const file = ctx.root.get().node as AnyNode;
  if (TEXTS.has(file)) return TEXTS.get(file);
  let result: Texts | undefined;
  if (file.loc?.lines) {
    const parsed: string = file.loc.lines.toString({ tabWidth: 4, reuseWhitespace: false, useTabs: false, lineTerminator: '\n' });
    result = lineMap(parsed, ctx.file.source);
  }
  TEXTS.set(file, result);
  return result;
}

function lineMap(parsed: string, original: string): Texts | undefined {
  const parsedLines = parsed.split('\n');
  const originalLines = original.split('\n');
  if (parsedLines.length !== originalLines.length) return undefined;
  const parsedStarts: number[] = [];
  const originalStarts: number[] = [];
  const parsedIndent: number[] = [];
  const originalIndent: number[] = [];
  let p = 0;
  let o = 0;
  for (let i = 0; i < parsedLines.length; i++) {
    const pl = parsedLines[i];
    const ol = originalLines[i].endsWith('\r') ? originalLines[i].slice(0, -1) : originalLines[i];
    const pi = /^[ \t]*/.exec(pl)![0].length;
    const oi = /^[ \t]*/.exec(ol)![0].length;
    if (pl.slice(pi) !== ol.slice(oi)) return undefined;
    parsedStarts.push(p);
    originalStarts.push(o);
    parsedIndent.push(pi);
    originalIndent.push(oi);
    p += parsedLines[i].length + 1;
    o += originalLines[i].length + 1;
  }
  const toOriginal = (offset: number): number | undefined => {
    let lo = 0;
    let hi = parsedStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (parsedStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const column = offset - parsedStarts[lo];
    if (column === 0) return originalStarts[lo];
    if (column < parsedIndent[lo]) return undefined;
    return originalStarts[lo] + originalIndent[lo] + (column - parsedIndent[lo]);
  };
  return { parsed, original, toOriginal };
}

const POSITION_KEYS = new Set(['loc', 'start', 'end', 'original', 'tokens', 'range']);

/** Compares a node with the copy recast kept of it when parsing (`node.original`), all the way down. */
function unchanged(node: AnyNode): boolean {
  const original = node.original;
  if (!original || original.type !== node.type) return false;
  const keys = new Set([...Object.keys(node), ...Object.keys(original)]);
  for (const key of keys) {
    if (POSITION_KEYS.has(key)) continue;
    const a = node[key];
    const b = original[key];
    if (key === 'comments' || key === 'leadingComments' || key === 'trailingComments') {
      if ((a ?? []).length !== (b ?? []).length || (a ?? []).some((c: AnyNode, i: number) => c.value !== b[i].value)) return false;
      continue;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      if ((a === undefined && b.length === 0) || (b === undefined && a.length === 0)) continue;
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    } else if (!same(a, b)) {
      return false;
    }
  }
  return true;
}

function same(a: AnyNode, b: AnyNode): boolean {
  if (a && typeof a === 'object') {
    if (typeof a.type === 'string') return a.original === b && unchanged(a);
    return !!b && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
  }
  // The copy fills in defaults the parser left out (`optional: false`).
  return a === b || (isBlank(a) && isBlank(b));
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === false;
}

/**
 * The text of a node with the indentation of its first line taken off the lines after it (how
 * recast holds a node it reuses; it indents it again where it prints it).
 */
function dedent(text: string, start: number, body: string): string | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start).replace(/\S.*$/, '');
  const lines = body.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].startsWith(indent)) lines[i] = lines[i].slice(indent.length);
    else if (lines[i].trim() === '') lines[i] = lines[i].replace(/^[ \t]*/, '');
    else return undefined;
  }
  return lines.join('\n');
}

/** Where a node's leading comments begin (they go or stay with it). */
function leadingStart(node: AnyNode): number {
  let start = node.start;
  for (const comment of node.comments ?? node.leadingComments ?? []) {
    if (comment.leading !== false && typeof comment.start === 'number' && comment.start < start) start = comment.start;
  }
  return start;
}

function range(text: string, list: AnyNode[], cut: ItemCut): [number, number] | undefined {
  const current = list[cut.index];
  const previous = list[cut.index - 1];
  const next = list[cut.index + 1];
  // A hole in an array (`[a, , b]`) has no position: leave such lists to tree edits.
  if (!current || (cut.index > 0 && !previous) || (cut.index + 1 < list.length && !next)) return undefined;
  if (cut.kind === 'label') {
    const colon = text.indexOf(':', current.test.end) + 1;
    if (!previous || colon <= 0 || (current.consequent[0] && colon > current.consequent[0].start)) return undefined;
    return [previous.end, colon];
  }
  if (next) return [leadingStart(current), leadingStart(next)];
  if (previous) return [previous.end, current.end];
  return undefined;
}

function reparse(ctx: CodemodContext, node: AnyNode, spec: ListSpec, cuts: readonly ItemCut[]): AnyNode | undefined {
  const map = texts(ctx);
  if (!map) return undefined;
  const list = node[spec.key] as AnyNode[];
  const start = map.toOriginal(node.start);
  const end = map.toOriginal(node.end);
  if (start === undefined || end === undefined) return undefined;
  const ranges: Array<[number, number]> = [];
  for (const cut of cuts) {
    const r = range(map.parsed, list, cut);
    if (!r || r[0] < node.start || r[1] > node.end || r[0] > r[1]) return undefined;
    const from = map.toOriginal(r[0]);
    const to = map.toOriginal(r[1]);
    if (from === undefined || to === undefined) return undefined;
    ranges.push([from, to]);
  }
  ranges.sort((a, b) => b[0] - a[0]);
  for (let i = 1; i < ranges.length; i++) if (ranges[i][1] > ranges[i - 1][0]) return undefined;
  let body = map.original.slice(start, end);
  for (const [from, to] of ranges) body = body.slice(0, from - start) + body.slice(to - start);
  const own = dedent(map.original, start, body);
  if (own === undefined) return undefined;
  const [prefix, suffix] = wrapper(node, spec.context);
  try {
    const parsed = ctx.j(prefix + own + suffix);
    const found = parsed.find(ctx.j[node.type as 'Node'] as never);
    if (found.length === 0) return undefined;
    const result = found.get().node as AnyNode;
    if (result[spec.key].length !== list.length - cuts.length) return undefined;
    walk(result, (n) => void REPARSED.add(n));
    return result;
  } catch {
    return undefined;
  }
}

/** Text around the node that lets it parse alone: private names, labels, `await`, `super`, `return`. */
function wrapper(node: AnyNode, context: Context): [string, string] {
  const privates = new Set<string>();
  const labels = new Set<string>();
  walk(node, (n) => {
    if (n.type === 'PrivateName') privates.add(n.id.name);
    if ((n.type === 'BreakStatement' || n.type === 'ContinueStatement') && n.label) labels.add(n.label.name);
  });
  const fields = [...privates].map((name) => `#${name};`).join(' ');
  const loops = [...labels].map((label) => `${label}: for (;;) `).join('');
  const open = `class __List extends Object { ${fields} async *__item() { ${loops}for (;;) {\n`;
  const close = '\n} } }';
  if (context === 'statement') {
    if (node.type === 'TSInterfaceBody') return ['interface __List ', ''];
    if (node.type === 'TSEnumDeclaration') return ['', ''];
    return [open, close];
  }
  if (context === 'type') return ['type __List = ', ';'];
  return [`${open}__list = `, `;${close}`];
}

/**
 * Visits paths of one kind. A visit that changed the tree returns true; paths inside what it changed
 * may be stale (the node may have been replaced), so they are not visited from the old search: one more
 * search picks them up, as fresh paths, only when there were any.
 */
export function forEachFresh(find: () => Collection, visit: (path: ASTPath) => boolean): void {
  const seen = new Set<AnyNode>();
  for (let round = 0; round < 20; round++) {
    const changed = new Set<AnyNode>();
    let skipped = false;
    for (const path of find().paths() as ASTPath[]) {
      if (seen.has(path.node)) continue;
      if (changed.size > 0 && isInside(path, changed)) {
        skipped = true;
        continue;
      }
      const node = path.node;
      seen.add(node);
      if (visit(path)) changed.add(node);
    }
    if (!skipped) return;
  }
}

function isInside(path: ASTPath, nodes: ReadonlySet<AnyNode>): boolean {
  for (let p = path.parentPath as ASTPath | null; p; p = p.parentPath as ASTPath | null) {
    if (nodes.has(p.value)) return true;
  }
  return false;
}
