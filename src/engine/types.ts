import type { API, ASTPath, Collection, JSCodeshift, Node } from 'jscodeshift';
import type { ModuleFacts } from '../bedrock/flow/modules/facts';

/** A place in a source file, 1-based line, 0-based column (as Babel reports them). */
export interface Location {
  line: number;
  column?: number;
}

/** A `TODO(bedrock-claude-codemod): …` comment left for a human, plus its report line. */
export interface Marker extends Location {
  codemod: string;
  message: string;
}

/**
 * What a note is about, for the report's checklist (one group per kind). Notes without a kind fall in the
 * report's generic "other changes to review" group.
 * - `model`: the call now goes to another model (generation changed: prompts may need re-tuning);
 * - `refusal`: refusal handling the tool wrote (what the policy does);
 * - `parameters`: request parameters dropped or changed for the target model;
 * - `routing`: a base ID now goes through a cross-region or global inference profile;
 * - `kept`: a call left on its old API, and why;
 * - `left-alone`: data about models (tables, type declarations, migration maps) deliberately not rewritten.
 */
export type NoteKind = 'model' | 'refusal' | 'parameters' | 'routing' | 'boundary' | 'kept' | 'left-alone';

/** Something a codemod did or decided that a reviewer should read in the report. */
export interface Note extends Location {
  codemod: string;
  message: string;
  kind?: NoteKind;
}

/** Options every codemod can read. The CLI, the config file and jscodeshift flags all resolve to this. */
export interface CodemodOptions {
  /** model-ids: family (`sonnet`, `haiku`, `opus`, `instant`, `v2`) or a legacy ID → the target ID. */
  targets: Record<string, string>;
  /** model-ids: profile prefix given to base IDs whose target needs an inference profile. */
  profile: string;
  /** model-ids: use the exact target the catalog's seed list names (for example Sonnet 4) instead of the newest. */
  seedTargets: boolean;
  /** refusal-stop-reason: what the inserted handling does. */
  refusal: RefusalPolicy;
  /** refusal-stop-reason: the function called by the `handler` policy. */
  refusalHandler: string;
  /** Set by the runner only: what the project's other modules say about this file's imports and exports. */
  modules?: ModuleFacts;
  /** Anything else a codemod declares in the registry. */
  [key: string]: unknown;
}

export type RefusalPolicy = 'throw' | 'return-null' | 'handler' | 'marker';

/** The style of the file being rewritten, detected before any change. */
export interface FileStyle {
  quote: 'single' | 'double';
  useTabs: boolean;
  tabWidth: number;
  /** Trailing comma after the last element of multi-line object and array literals. */
  trailingComma: boolean;
  /** Trailing comma after the last argument of calls whose arguments are broken over lines. */
  trailingCommaInArguments: boolean;
  lineTerminator: '\n' | '\r\n';
  bom: boolean;
}

/** What a codemod receives: one parsed tree shared by every codemod of the run. */
export interface CodemodContext {
  j: JSCodeshift;
  root: Collection;
  file: { path: string; source: string };
  options: CodemodOptions;
  style: FileStyle;
  /** Leaves one marker comment on the statement that holds `at` (never twice) and records it. */
  marker(at: ASTPath | Node, message: string): void;
  /** Records a note for the report (no comment in the code); `kind` groups it in the report's checklist. */
  note(message: string, at?: ASTPath | Node, kind?: NoteKind): void;
  /** True when the statement holding `at` carries a `bedrock-claude-codemod-ignore` comment. */
  isIgnored(at: ASTPath): boolean;
}

/** One codemod. `run` returns true when it changed the tree. */
export interface Codemod {
  name: string;
  run(ctx: CodemodContext): boolean;
}

/** A codemod that can also rewrite plain text files (config files: .env, .json, .yaml, …). */
export interface TextCodemod {
  name: string;
  /** Returns the new text, or null when nothing changed. */
  rewriteText(text: string, path: string, options: CodemodOptions, notes: Note[]): string | null;
}

export interface OptionSpec {
  /** Key in CodemodOptions. */
  key: string;
  /** Commander flag, for example `--target <family=id>`. */
  flag: string;
  description: string;
  /** Repeatable `key=value` pairs collected into a record. */
  kind: 'string' | 'boolean' | 'record';
  choices?: readonly string[];
  default?: unknown;
}

/** An entry of the manifest in src/codemods/registry.ts. */
export interface CodemodManifestEntry {
  name: string;
  summary: string;
  /** Substrings: a file that contains none of them is never parsed for this codemod. */
  mentions: readonly string[];
  /**
   * What the codemod's own first check needs to find in the text, beyond a mention (for example the import
   * of the module it migrates): a file this pattern does not match is never walked by the codemod, since it
   * would return at once without a change, a marker or a note.
   */
  requires?: RegExp;
  options: readonly OptionSpec[];
  /**
   * Whether the codemod runs on a file with these options (for example only for one `--api` destination).
   * Absent: always. A codemod named explicitly (`--only`, its own jscodeshift transform) always runs.
   */
  enabled?(options: CodemodOptions, file: string): boolean;
  /** The codemod itself (codemods hold no parser: jscodeshift and its parser are loaded lazily by the engine). */
  load(): Codemod;
  loadText?(): TextCodemod;
}

/** The error thrown for a file the parser cannot read. */
export class SourceParseError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${path}:${line}:${column}: ${reason}`);
    this.name = 'SourceParseError';
  }
}

/** The error thrown when a codemod printed code that its file's parser cannot read (nothing is written). */
export class OutputParseError extends Error {
  constructor(
    readonly codemod: string,
    /** 1-based line in the printed code (0 when unknown). */
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${codemod} printed code that does not parse: ${reason}`);
    this.name = 'OutputParseError';
  }
}

/** An OutputParseError for what the parser threw on a codemod's printed code. */
export function outputParseError(codemod: string, error: unknown): OutputParseError {
  // A SourceParseError names line and column; a parser's own error (Babel's) carries them in `loc`.
  const e = error as Partial<SourceParseError> & { message?: string; loc?: { line: number; column: number } };
  const reason = e.reason ?? (e.message ?? String(error)).replace(/ \(\d+:\d+\)$/, '');
  return new OutputParseError(codemod, e.line ?? e.loc?.line ?? 0, e.column ?? e.loc?.column ?? 0, reason);
}

export type JscodeshiftApi = API;
