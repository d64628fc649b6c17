import type { ASTPath, Node } from 'jscodeshift';
import { addMarkerComment, anchorPath, isIgnoredPath, lineOf, PathIndex, placeMarkers, placeNotes } from '../ast/markers';
import { jscodeshiftFor, parseSource, parserFor, tokenize } from './parse';
import { preserveUnchangedLines } from './preserve';
import { beforePrint, checkTemplateTexts, multilineLists, retabPrinted } from './printing';
import { detectStyle, nonCodeLines, normalizeLineEndings, restoreBom, restoreShebang, stripBom, stripShebang } from './style';
import type { SourceToken } from './lines';
import type { Codemod, CodemodContext, CodemodManifestEntry, CodemodOptions, Marker, Note, TextCodemod } from './types';
import { outputParseError } from './types';
import { resolveOptions } from './options';

export interface TransformResult {
  /** The new text, or null when the file is unchanged (it is then never reprinted). */
  output: string | null;
  /** Codemods that changed the file, in the order they ran. */
  changedBy: string[];
  markers: Marker[];
  notes: Note[];
  /** Why nothing was done, when the file was never parsed. */
  skipped?: string;
  /**
   * The new text (byte-order mark and shebang line aside) when the engine parsed it whole with the file's
   * own parser and it read: a check of the output need not parse it again.
   */
  parsedOutput?: string;
}

export interface TransformRequest {
  path: string;
  source: string;
  /** Manifest entries to run, already in manifest order. */
  codemods: readonly CodemodManifestEntry[];
  options?: Partial<CodemodOptions>;
}

/** The `skipped` reason of a file no selected codemod's pre-filter matched (it was never parsed). */
export const NOTHING_RELATED = 'nothing Claude-on-Bedrock related in it';

const loaded = new Map<string, Codemod>();
const loadedText = new Map<string, TextCodemod>();

function load(entry: CodemodManifestEntry): Codemod {
  let codemod = loaded.get(entry.name);
  if (!codemod) {
    codemod = entry.load();
    loaded.set(entry.name, codemod);
  }
  return codemod;
}

const anyMention = new WeakMap<readonly CodemodManifestEntry[], RegExp>();

/** One regular expression for every trigger substring of the codemods (one scan of a text instead of one per substring). */
function mentionPattern(codemods: readonly CodemodManifestEntry[]): RegExp {
  let pattern = anyMention.get(codemods);
  if (!pattern) {
    const words = [...new Set(codemods.flatMap((c) => c.mentions))];
    pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
    anyMention.set(codemods, pattern);
  }
  return pattern;
}

/** The cheap pre-filter: codemods whose trigger substrings appear in the text. */
export function candidates(source: string, codemods: readonly CodemodManifestEntry[]): CodemodManifestEntry[] {
  // Most files mention none of them: one scan says so.
  if (codemods.length === 0 || !mentionPattern(codemods).test(source)) return [];
  return codemods.filter((c) => c.mentions.some((m) => source.includes(m)) && (!c.requires || c.requires.test(source)));
}

/** The codemods enabled for a file under these settings (each entry's `enabled`; none means always). */
export function enabledFor(codemods: readonly CodemodManifestEntry[], options: CodemodOptions, filePath: string): CodemodManifestEntry[] {
  return codemods.filter((c) => !c.enabled || c.enabled(options, filePath));
}

/**
 * Runs the selected codemods on one file: pre-filter, parse once with the parser the extension needs,
 * run the codemods in manifest order, print only when something changed, and keep the file's line endings
 * and byte-order mark. A codemod that follows one that changed the file gets the file parsed again from
 * the printed text (see below); files no codemod changes are parsed exactly once.
 */
export function transformSource(request: TransformRequest): TransformResult {
  const { path: filePath, source } = request;
  const options = resolveOptions(request.options);
  const markers: Marker[] = [];
  const notes: Note[] = [];
  const parser = parserFor(filePath);
  if (!parser) return transformText(request, options);

  const selected = candidates(source, enabledFor(request.codemods, options, filePath));
  if (selected.length === 0) {
    return { output: null, changedBy: [], markers, notes, skipped: NOTHING_RELATED };
  }

  const { text: withShebang, bom } = stripBom(source);
  const { text, shebang } = stripShebang(withShebang);
  const j = jscodeshiftFor(parser);
  let root = parseSource(j, text, filePath);
  const file = root.get().node as {
    tokens?: Parameters<typeof nonCodeLines>[0];
    loc?: { tokens?: Parameters<typeof nonCodeLines>[0]; lines?: { toString(options: object): string } };
  };
  const parsedTokens = file.tokens ?? file.loc?.tokens;
  const style = detectStyle(text, bom, ...multilineLists(j, root), nonCodeLines(parsedTokens));
  const print = (): string => {
    beforePrint(j, root, style.quote);
    return root.toSource({
      quote: style.quote,
      useTabs: style.useTabs,
      tabWidth: style.tabWidth,
      // recast also takes trailing-comma settings per context (its typings only say boolean).
      trailingComma: { objects: style.trailingComma, arrays: style.trailingComma, parameters: style.trailingCommaInArguments } as unknown as boolean,
      lineTerminator: style.lineTerminator,
      reuseWhitespace: true,
    });
  };

  const changedBy: string[] = [];
  /** The text each note's line refers to. */
  const noteTexts: string[] = [];
  let current = text;
  let dirty = false;
  for (const entry of selected) {
    const codemod = load(entry);
    if (dirty) {
      // The tree was changed by the codemod before: the next one gets the printed text, parsed again, so
      // that node positions match ctx.file.source and untouched code keeps its layout when it edits near
      // an earlier change. Only files that several codemods change pay for a second parse.
      current = print();
      try {
        root = parseSource(j, current, filePath);
      } catch (error) {
        throw outputParseError(changedBy.at(-1)!, error);
      }
      dirty = false;
    }
    const paths = new PathIndex(root);
    let changed = false;
    const toPath = (at: ASTPath | Node): ASTPath | undefined =>
      'node' in at && 'parentPath' in at ? (at as ASTPath) : paths.pathOf(at as Node);
    const ctx: CodemodContext = {
      j,
      root,
      file: { path: filePath, source: current },
      options,
      style,
      marker(at, message) {
        const path = toPath(at);
        if (!path) throw new Error(`${codemod.name}: marker target is not in the tree`);
        const anchor = anchorPath(j, path);
        const line = lineOf(anchor, anchor.node);
        if (addMarkerComment(j, anchor, message)) {
          changed = true;
          markers.push({ codemod: codemod.name, message, line });
        }
      },
      note(message, at, kind) {
        const path = at ? toPath(at) : undefined;
        notes.push({ codemod: codemod.name, message, line: path ? lineOf(path) : 0, ...(kind ? { kind } : {}) });
        noteTexts[notes.length - 1] = current;
      },
      isIgnored: (path) => isIgnoredPath(path),
    };
    let ran: boolean;
    try {
      ran = codemod.run(ctx);
    } catch (error) {
      const e = error as Error;
      throw Object.assign(new Error(`${codemod.name}: ${e.message ?? String(error)}`), { cause: error, codemod: codemod.name });
    }
    if (ran || changed) {
      changedBy.push(codemod.name);
      dirty = true;
    }
  }

  if (changedBy.length === 0) return { output: null, changedBy, markers, notes };

  let printed = dirty ? print() : current;
  if (style.useTabs) printed = retabPrinted(j, printed, text, style.tabWidth);
  printed = normalizeLineEndings(printed, style.lineTerminator);
  let printedTokens;
  try {
    printedTokens = tokenize(parser, printed);
  } catch (error) {
    throw outputParseError(changedBy.at(-1)!, error);
  }
  // recast parses a copy of the text with tabs expanded and LF line endings: where that copy is the text
  // itself (no tabs, no CR), the tokens of the first parse fit it; otherwise the text is tokenized here.
  const originalTokens = sameText(file, text) && Array.isArray(parsedTokens) ? (parsedTokens as SourceToken[]) : tokenize(parser, text);
  checkTemplateTexts(text, originalTokens, printed, printedTokens, filePath);
  const kept = preserveUnchangedLines({ original: text, originalTokens, printed, printedTokens, tabWidth: style.tabWidth, useTabs: style.useTabs });
  const output = restoreBom(restoreShebang(kept, shebang, style.lineTerminator), bom);
  if (output === source) return { output: null, changedBy: [], markers, notes };
  // Notes get the line of the migrated file, like markers (a codemod saw the text the ones before it printed).
  return {
    output,
    changedBy,
    markers: placeMarkers(markers, output),
    notes: placeNotes(notes, noteTexts, kept),
    // The printed text was parsed above (its tokens): when keeping unchanged lines changed nothing, that was the output.
    ...(kept === printed ? { parsedOutput: kept } : {}),
  };
}

/** Whether recast's parser read exactly `text` (its copy has tabs expanded and line ends made `\n`). */
function sameText(file: { loc?: { lines?: { toString(options: object): string } } }, text: string): boolean {
  const lines = file.loc?.lines;
  // The options recast parses with (jscodeshift passes no tabWidth: recast's default is 4).
  return !!lines && lines.toString({ tabWidth: 4, reuseWhitespace: false, useTabs: false, lineTerminator: '\n' }) === text;
}

/** Config files (.env, .json, .yaml, …): codemods that declare a text rewrite handle them. */
function transformText(request: TransformRequest, options: CodemodOptions): TransformResult {
  const notes: Note[] = [];
  const changedBy: string[] = [];
  let text: string = request.source;
  let considered = false;
  for (const entry of request.codemods) {
    if (!entry.loadText || !entry.mentions.some((m) => text.includes(m))) continue;
    considered = true;
    let codemod = loadedText.get(entry.name);
    if (!codemod) {
      codemod = entry.loadText();
      loadedText.set(entry.name, codemod);
    }
    const next = codemod.rewriteText(text, request.path, options, notes);
    if (next !== null && next !== text) {
      text = next;
      changedBy.push(entry.name);
    }
  }
  if (changedBy.length === 0) {
    return considered
      ? { output: null, changedBy, markers: [], notes }
      : { output: null, changedBy, markers: [], notes, skipped: NOTHING_RELATED };
  }
  return { output: text, changedBy, markers: [], notes };
}
