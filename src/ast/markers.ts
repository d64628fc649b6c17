import type { ASTPath, Collection, JSCodeshift, Node } from 'jscodeshift';

export const MARKER_PREFIX = 'TODO(bedrock-claude-codemod):';
export const IGNORE_TOKEN = 'bedrock-claude-codemod-ignore';
/** The longest marker message written into code; the full message stays in the report. */
export const MARKER_MAX_LENGTH = 120;

/**
 * The text a marker comment carries: one line of at most MARKER_MAX_LENGTH characters. Codemods keep their
 * messages within it; a longer one is cut at a word boundary with `…` (the report keeps the whole message).
 */
export function markerText(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  if (line.length <= MARKER_MAX_LENGTH) return line;
  const cut = line.slice(0, MARKER_MAX_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MARKER_MAX_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:(]+$/, '')}…`;
}

/** The whole comment text of a marker (without `//`), as it stands in the code. */
export function markerComment(message: string): string {
  return `${MARKER_PREFIX} ${markerText(message)}`;
}

type AnyNode = Node & { comments?: Array<{ value: string; leading?: boolean }> | null; loc?: { start: { line: number; column: number } } | null };

const ANCHOR_TYPES = new Set([
  'ObjectProperty',
  'Property',
  'ObjectMethod',
  'ClassProperty',
  'ClassMethod',
  'ClassPrivateProperty',
  'TSPropertySignature',
  'TSEnumMember',
  'SwitchCase',
]);

function isStatementLike(j: JSCodeshift, node: Node): boolean {
  return (j.Statement.check(node) && node.type !== 'BlockStatement') || ANCHOR_TYPES.has(node.type);
}

/** The path a marker comment attaches to: the nearest statement, property, member or switch case. */
export function anchorPath(j: JSCodeshift, path: ASTPath): ASTPath {
  let current: ASTPath | null = path;
  while (current) {
    // List paths (`body`, `declarations`, …) report their parent as `.node`: only look at node paths.
    if (current.value === current.node && isStatementLike(j, current.node)) {
      const parent = current.parentPath?.node as Node | undefined;
      if (parent && (parent.type === 'ExportNamedDeclaration' || parent.type === 'ExportDefaultDeclaration')) {
        return current.parentPath as ASTPath;
      }
      // recast reprints a switch whose comments change with its cases flush against `switch`:
      // the marker goes on the first case instead, which keeps the whole switch as it was written.
      if (current.node.type === 'SwitchStatement' && (current.node as { cases: Node[] }).cases.length > 0) {
        return current.get('cases', 0) as ASTPath;
      }
      return current;
    }
    current = current.parentPath as ASTPath | null;
  }
  return path;
}

/**
 * Finds paths of bare nodes (codemods that hand over a node instead of its path). The index is built
 * once per tree and rebuilt only when a node is missing from it (it was added after the last build).
 */
export class PathIndex {
  private index = new WeakMap<Node, ASTPath>();

  constructor(private readonly root: Collection) {}

  pathOf(node: Node): ASTPath | undefined {
    const cached = this.index.get(node);
    if (cached && isAttached(cached)) return cached;
    this.build();
    return this.index.get(node);
  }

  private build(): void {
    this.index = new WeakMap();
    const visit = (path: ASTPath): void => {
      const value = path.value as unknown;
      if (value && typeof value === 'object') {
        if (!Array.isArray(value) && typeof (value as Node).type === 'string') this.index.set(value as Node, path);
        for (const key of Object.keys(value as object)) {
          if (key === 'loc' || key === 'tokens' || key === 'comments' || key === 'original' || key === 'extra') continue;
          const child = (value as Record<string, unknown>)[key];
          if (child && typeof child === 'object') visit(path.get(key) as ASTPath);
        }
      }
    };
    this.root.paths().forEach((p) => visit(p as unknown as ASTPath));
  }
}

/** Whether every step from the path up to the root still holds the same value (the tree may have moved on). */
function isAttached(path: ASTPath): boolean {
  let current: ASTPath = path;
  while (current.parentPath) {
    const parent = current.parentPath as ASTPath;
    if ((parent.value as unknown as Record<string, unknown>)[current.name as string] !== current.value) return false;
    current = parent;
  }
  return true;
}

/** The first source line at or above `path` (new nodes have no location). */
export function lineOf(path: ASTPath | undefined, node?: Node): number {
  const n = node as AnyNode | undefined;
  if (n?.loc) return n.loc.start.line;
  let current: ASTPath | null | undefined = path;
  while (current) {
    const loc = (current.node as AnyNode).loc;
    if (loc) return loc.start.line;
    current = current.parentPath as ASTPath | null;
  }
  return 0;
}

/** Whether the node already carries this exact marker. */
export function hasMarker(node: Node, message: string): boolean {
  const text = markerComment(message);
  return ((node as AnyNode).comments ?? []).some((c) => c.value.trim() === text);
}

/** Adds `// TODO(bedrock-claude-codemod): message` above the anchor node. Returns false when it was there. */
export function addMarkerComment(j: JSCodeshift, anchor: ASTPath, message: string): boolean {
  const node = anchor.node as AnyNode;
  if (hasMarker(node, message)) return false;
  const comment = j.commentLine(` ${markerComment(message)}`, true, false);
  node.comments = [...(node.comments ?? []), comment as never];
  return true;
}

/** True when `path` or one of its ancestors carries a `bedrock-claude-codemod-ignore` comment. */
export function isIgnoredPath(path: ASTPath): boolean {
  let current: ASTPath | null = path;
  while (current) {
    const comments = (current.node as AnyNode).comments;
    if (comments?.some((c) => c.leading !== false && c.value.includes(IGNORE_TOKEN))) return true;
    current = current.parentPath as ASTPath | null;
  }
  return false;
}

/**
 * Gives each marker the line its comment stands on in the printed text (codemods record the line of the
 * code they looked at, which later insertions move). Markers are matched by text, nearest line first.
 */
export function placeMarkers<T extends { line: number; message: string }>(markers: readonly T[], output: string): T[] {
  const lines = output.split(/\r?\n/);
  const used = new Set<number>();
  const placed = markers.map((m) => {
    const text = markerComment(m.message);
    let best = -1;
    for (let i = 0; i < lines.length; i++) {
      if (used.has(i) || !lines[i].includes(text)) continue;
      if (best === -1 || Math.abs(i + 1 - m.line) < Math.abs(best + 1 - m.line)) best = i;
    }
    if (best === -1) return m;
    used.add(best);
    return { ...m, line: best + 1 };
  });
  return placed.map((m, i) => ({ m, i })).sort((a, b) => a.m.line - b.m.line || a.i - b.i).map((x) => x.m);
}

/**
 * Maps a line of `before` to its line in `after` (a removed line maps to where the text after it now starts).
 */
export function lineMapper(before: string, after: string): (line: number) => number {
  if (before === after) return (line) => line;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { diffLines } = require('diff') as typeof import('diff');
  const map: number[] = [0];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(before, after)) {
    const n = part.count ?? 0;
    if (part.added) newLine += n;
    else if (part.removed) for (let i = 0; i < n; i++) map[oldLine++] = newLine;
    else for (let i = 0; i < n; i++) map[oldLine++] = newLine++;
  }
  return (line) => (line > 0 ? (map[line] ?? Math.max(1, newLine - 1)) : 0);
}

/**
 * Gives each note the line of the printed text: a codemod records lines of the text it was given, which
 * earlier codemods may have changed, and later ones may change again. `texts[i]` is the text note i was
 * recorded against.
 */
export function placeNotes<T extends { line: number }>(notes: readonly T[], texts: readonly string[], output: string): T[] {
  const mappers = new Map<string, (line: number) => number>();
  return notes.map((n, i) => {
    const text = texts[i];
    if (text === undefined || n.line === 0) return n;
    let map = mappers.get(text);
    if (!map) mappers.set(text, (map = lineMapper(text, output)));
    return { ...n, line: map(n.line) };
  });
}
