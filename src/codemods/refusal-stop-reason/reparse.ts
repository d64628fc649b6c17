/**
 * Layout-preserving edits for the few places where recast's own printing would restyle a whole node:
 * recast prints a changed `switch` with its cases flush against `switch`, and a changed object pattern on
 * several lines. When the node is still as it was parsed, the edit is made in the node's original text
 * (insertions at given offsets, nothing else touched), that text is parsed again, and the node is replaced
 * by the result, so every unchanged line keeps its layout. The caller falls back to editing nodes when this
 * returns undefined.
 */
import type { ASTPath } from 'jscodeshift';
import type { AnyNode } from '../../ast/bedrock';
import { parseSource } from '../../engine/parse';
import { contains } from './shared';
import type { Run } from './resolve';

export interface Insertion {
  /** Offset in the text the parser saw (see parsedText). */
  at: number;
  text: string;
}

/** Whether `node` is unchanged since it was parsed (same structure, same comments). */
export function isPristine(run: Run, node: AnyNode): boolean {
  return (
    !!node.original &&
    typeof node.start === 'number' &&
    typeof node.end === 'number' &&
    run.ctx.j.types.astNodesAreEquivalent(node, node.original) &&
    commentCount(node) === commentCount(node.original)
  );
}

/**
 * Replaces the statement at `path` by its original text with `insertions` applied, parsed again.
 * `pick` finds the new statement in the parsed snippet (the first node of the statement's type by default).
 * Returns the new node and its path, or undefined when the statement is not pristine or the snippet does not
 * parse into what `verify` expects.
 */
export function reparseWithInsertions(
  run: Run,
  path: ASTPath,
  insertions: Insertion[],
  verify: (fresh: AnyNode) => boolean,
): { node: AnyNode; path: ASTPath } | undefined {
  const { j, file } = run.ctx;
  const node: AnyNode = path.node;
  const text = parsedText(run);
  if (text === undefined || !isPristine(run, node)) return undefined;
  // The statement's own comments come along, so that the new node carries them as it did.
  const comments: AnyNode[] = node.comments ?? [];
  const start = Math.min(node.start, ...comments.filter((c) => c.leading).map((c) => c.start));
  const end = Math.max(node.end, ...comments.filter((c) => c.trailing).map((c) => c.end));
  let edited = '';
  let cursor = start;
  for (const ins of [...insertions].sort((a, b) => a.at - b.at)) {
    if (ins.at < start || ins.at > end) return undefined;
    edited += text.slice(cursor, ins.at) + ins.text;
    cursor = ins.at;
  }
  edited += text.slice(cursor, end);
  const firstLine = text.slice(text.lastIndexOf('\n', start - 1) + 1, start);
  const lead = /^[ \t]*$/.test(firstLine) ? firstLine : '';
  try {
    const snippet = parseSource(j, `async function* wrapper() { while (true) {\n${lead}${edited}\n} }`, file.path);
    const loop: AnyNode = (snippet.get().node.program.body[0] as AnyNode).body.body[0];
    const fresh: AnyNode = loop.body.body[0];
    if (!fresh || fresh.type !== node.type || loop.body.body.length !== 1 || !verify(fresh)) return undefined;
    const [replaced] = path.replace(fresh) as ASTPath[];
    return { node: fresh, path: replaced ?? path };
  } catch {
    // Labels, `yield`/`await` positions or syntax the wrapper cannot host.
    return undefined;
  }
}

const PARSED = new WeakMap<object, string | undefined>();

/**
 * The text node offsets refer to: recast hands the parser the source with `\n` line ends and tabs expanded,
 * so offsets differ from the file's text in CRLF and tab-indented files. Files with tabs are left to node
 * edits (the re-parsed text would carry spaces).
 */
export function parsedText(run: Run): string | undefined {
  const file: AnyNode = run.ctx.root.get().node;
  if (PARSED.has(file)) return PARSED.get(file);
  let text: string | undefined;
  if (!run.ctx.file.source.includes('\t') && file.loc?.lines) {
    text = file.loc.lines.toString({ tabWidth: 4, reuseWhitespace: false, useTabs: false, lineTerminator: '\n' });
  }
  PARSED.set(file, text);
  return text;
}

/** The whitespace before `offset` on its line, when only whitespace precedes it there. */
export function indentAt(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(indent) ? indent : undefined;
}

function commentCount(node: AnyNode): number {
  let count = 0;
  contains(node, (n) => {
    count += n.comments?.length ?? 0;
    return false;
  });
  return count;
}
