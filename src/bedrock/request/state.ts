/**
 * The state one request mapping carries while it reads a call's input: what the rewrite will do (`effects`,
 * run in order by `apply()`; `cleanups`, run after the input object is replaced) and the facts later
 * mappings need (a legacy Text Completions body, tools present, tool blocks in the messages, …).
 * The per-concept mappings (body, system, messages, content blocks, tools, tool choice) take it as `b`.
 */
import type { CodemodContext } from '../../engine/types';
import type { AnyNode } from '../../ast/bedrock';
import { isTypeScriptFile } from '../typescript';

export interface MapRequestOptions {
  /**
   * Object properties (`content: <expr>` inside a pushed history message) whose value is already a Converse
   * content-block array because the response handling that produces it is migrated with the call.
   * Used for `history.push({ role: "assistant", content: result.content })`.
   */
  passThroughContent?: (prop: AnyNode) => boolean;
  /** `convert`: data from outside is converted where it is sent by a helper; `mark` (also when absent): blocked. */
  boundaries?: 'convert' | 'mark';
  /** With `boundaries: 'convert'`: the call is known to be Claude's, so a body that cannot be followed is converted whole. */
  wholeBody?: boolean;
  /** Called when a type import is needed (`Message`, `ConverseCommandInput`); returns the type node to use. */
  typeRef?: (exportName: string) => AnyNode | undefined;
}

/** One field of the Anthropic body as written: its name and value expression. */
export interface Entry {
  name: string;
  value: AnyNode;
}

export class RequestBuilder {
  readonly j: CodemodContext['j'];
  readonly isTs: boolean;
  effects: Array<() => void> = [];
  cleanups: Array<() => void> = [];
  textCompletion = false;
  hasTools = false;
  /** Set when messages carry toolUse / toolResult blocks: Converse then needs toolConfig (reference §2c). */
  toolBlocks = false;
  documentCount = 0;
  /** History arrays already rewritten (the same array handed over twice is rewritten once). */
  seenArrays = new Set<AnyNode>();
  /** Depth of same-file string functions followed by `isStringish`. */
  stringFunctionDepth = 0;

  constructor(
    readonly ctx: CodemodContext,
    readonly options: MapRequestOptions,
  ) {
    this.j = ctx.j;
    this.isTs = isTypeScriptFile(ctx.file.path);
  }
}
