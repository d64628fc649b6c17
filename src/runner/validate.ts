/**
 * The last gate before a file is accepted: its new text must still be what its format can read.
 * Scripts are parsed with the parser the engine used for the file; JSON with JSON.parse, YAML with `yaml`,
 * TOML with `smol-toml` (each only when the original parsed). Every config format (those too, and Terraform,
 * .properties, .env, JSON with comments, which have no parser here) also gets a structure check: the rewrite
 * may change ID-like tokens (runs of letters, digits and `._:/-`) and nothing else, so quoting, keys, nesting
 * and comments are the same bytes as before, and a file that was readable stays readable.
 */
import { checkSyntax, parserFor } from '../engine/parse';
import { stripBom, stripShebang } from '../engine/style';
import { SourceParseError } from '../engine/types';

export interface OutputProblem {
  /** 1-based line in the new text (0 when unknown). */
  line: number;
  column: number;
  message: string;
}

/** Characters of the tokens a config rewrite may change (model IDs, ARNs, profile prefixes). */
const TOKEN = /[A-Za-z0-9._:/-]+/g;

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The text with each token replaced by one placeholder, and where each placeholder or character came from. */
function skeleton(text: string): { shape: string; from: number[] } {
  let shape = '';
  const from: number[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    for (let i = last; i < m.index; i++) {
      shape += text[i];
      from.push(i);
    }
    shape += '\u0001';
    from.push(m.index);
    last = m.index + m[0].length;
  }
  for (let i = last; i < text.length; i++) {
    shape += text[i];
    from.push(i);
  }
  return { shape, from };
}

/** Where the text around the tokens first differs, or null when only tokens changed. */
export function structureChange(before: string, after: string): OutputProblem | null {
  const a = skeleton(before).shape;
  const b = skeleton(after);
  if (a === b.shape) return null;
  let i = 0;
  while (i < a.length && a[i] === b.shape[i]) i++;
  const offset = b.from[Math.min(i, b.from.length - 1)] ?? 0;
  return { line: lineAt(after, offset), column: 0, message: 'changed more than model IDs (the text around them is not the same)' };
}

/** A config parser's verdict on a text: null when it reads, else the problem. */
function parserProblem(format: string, parse: (text: string) => unknown, text: string): OutputProblem | null {
  try {
    parse(text);
    return null;
  } catch (error) {
    const e = error as Error & { linePos?: Array<{ line: number; col: number }>; line?: number; column?: number };
    const at = /position (\d+)/.exec(e.message);
    const line = e.linePos?.[0]?.line ?? e.line ?? (at ? lineAt(text, Number(at[1])) : 0);
    return { line, column: 0, message: `not valid ${format}: ${e.message.split('\n')[0]}` };
  }
}

const CONFIG_PARSERS: ReadonlyArray<{ test: RegExp; format: string; parse: (text: string) => unknown }> = [
  { test: /\.json$/i, format: 'JSON', parse: (text) => JSON.parse(text) },
  // Loaded on first use: most runs check no YAML or TOML file, and the CLI starts faster without them.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  { test: /\.ya?ml$/i, format: 'YAML', parse: (text) => (require('yaml') as typeof import('yaml')).parse(text) },
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  { test: /\.toml$/i, format: 'TOML', parse: (text) => (require('smol-toml') as typeof import('smol-toml')).parse(text) },
];

/**
 * Checks a file's new text before it is accepted. Returns null when it is readable, else the problem.
 * `original` decides what "readable" means for formats without a full parser here. `parsedOutput`: a text
 * the engine already parsed whole with the file's own parser; a script whose new text is exactly that is
 * not parsed a second time.
 */
export function checkOutput(file: string, original: string, output: string, parsedOutput?: string): OutputProblem | null {
  const parser = parserFor(file);
  if (parser) {
    const { text } = stripShebang(stripBom(output).text);
    if (parsedOutput !== undefined && text === parsedOutput) return null;
    try {
      checkSyntax(parser, text, file);
      return null;
    } catch (error) {
      if (error instanceof SourceParseError || (error as Error)?.name === 'SourceParseError') {
        const e = error as SourceParseError;
        return { line: e.line, column: e.column, message: `does not parse: ${e.reason}` };
      }
      return { line: 0, column: 0, message: `does not parse: ${(error as Error)?.message ?? String(error)}` };
    }
  }
  const config = CONFIG_PARSERS.find((c) => c.test.test(file));
  const parsed = !!config && parserProblem(config.format, config.parse, stripBom(original).text) === null;
  if (config && parsed) {
    const problem = parserProblem(config.format, config.parse, stripBom(output).text);
    if (problem || config.format === 'JSON') return problem;
  }
  return structureChange(original, output);
}
