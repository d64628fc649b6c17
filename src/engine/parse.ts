import path from 'node:path';
import type { JSCodeshift } from 'jscodeshift';
import { installFastFind } from './find';
import type { SourceToken } from './lines';
import { SourceParseError } from './types';

/** Source files the AST codemods read, by extension. */
export const SCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.jsx', '.mjs', '.cjs'] as const;

/** The jscodeshift parser each extension needs. `.d.ts` files are declarations and are not scripts. */
export function parserFor(filePath: string): 'ts' | 'tsx' | null {
  const base = path.basename(filePath).toLowerCase();
  if (/\.d\.[cm]?ts$/.test(base)) return null;
  const ext = path.extname(base);
  switch (ext) {
    case '.ts':
    case '.mts':
    case '.cts':
      return 'ts';
    case '.tsx':
    case '.js':
    case '.jsx':
    case '.mjs':
    case '.cjs':
      // JavaScript goes through the TSX grammar: it accepts JSX and every ES syntax, and
      // gives the same node types (StringLiteral, ObjectProperty) as the .ts files.
      return 'tsx';
    default:
      return null;
  }
}

let jscodeshiftModule: JSCodeshift | undefined;
const bound = new Map<string, JSCodeshift>();

/** jscodeshift bound to a parser, loaded lazily (files that fail the pre-filter never load it). */
export function jscodeshiftFor(parser: 'ts' | 'tsx'): JSCodeshift {
  let j = bound.get(parser);
  if (!j) {
    if (!jscodeshiftModule) {
      jscodeshiftModule = require('jscodeshift') as JSCodeshift;
      installFastFind(jscodeshiftModule);
    }
    j = jscodeshiftModule.withParser(parser);
    bound.set(parser, j);
  }
  return j;
}

/** Parses once; a syntax error becomes a SourceParseError that names the file and the line. */
export function parseSource(j: JSCodeshift, source: string, filePath: string) {
  try {
    return j(source);
  } catch (error) {
    throw parseError(error, filePath);
  }
}

const tokenizers = new Map<string, { parse(code: string): { tokens?: SourceToken[] } }>();

/** jscodeshift's own Babel parser for a grammar (the one `j(source)` hands to recast), without recast. */
function babelFor(parser: 'ts' | 'tsx'): { parse(code: string): { tokens?: SourceToken[] } } {
  let tokenizer = tokenizers.get(parser);
  if (!tokenizer) {
    tokenizer = (require(`jscodeshift/parser/${parser}`) as () => { parse(code: string): { tokens?: SourceToken[] } })();
    tokenizers.set(parser, tokenizer);
  }
  return tokenizer;
}

/** The tokens (comments included) of a text, read with the same grammar and options jscodeshift parses with. */
export function tokenize(parser: 'ts' | 'tsx', text: string): SourceToken[] {
  return babelFor(parser).parse(text).tokens ?? [];
}

/**
 * Whether a text parses with the grammar and options jscodeshift parses with: Babel alone, without the
 * copy recast makes for printing (a check needs no tree). A syntax error becomes a SourceParseError.
 */
export function checkSyntax(parser: 'ts' | 'tsx', text: string, filePath: string): void {
  try {
    babelFor(parser).parse(text);
  } catch (error) {
    throw parseError(error, filePath);
  }
}

function parseError(error: unknown, filePath: string): SourceParseError {
  const e = error as { message?: string; loc?: { line: number; column: number }; lineNumber?: number };
  const line = e.loc?.line ?? e.lineNumber ?? 0;
  const column = e.loc?.column ?? 0;
  const reason = String(e.message ?? error).replace(/\s*\(\d+:\d+\)\s*$/, '');
  return new SourceParseError(filePath, line, column, reason);
}
