/**
 * model-ids for the config files where teams keep model IDs: `.env*`, `.json`, `.yaml`/`.yml`, `.toml`,
 * `.tf`/`.tfvars`, `.properties`. Exact-token replacement with the same target choice as the code codemod:
 * a token is a maximal run of ID characters that is, as a whole, a model ID in one of its forms (Terraform
 * `${…}` interpolations may stand for the profile prefix, the ARN region or account). Keys, comments,
 * lookalikes and unknown IDs are left alone; what cannot be rewritten safely is reported as a note (config
 * files get no marker comments: JSON has no comments).
 */
import path from 'node:path';
import type { CodemodOptions, Note, NoteKind, TextCodemod } from '../../engine/types';
import { applyPlan, parseModelId, parseModelIdPattern, planReplacement, PLACEHOLDER, type ParsedModelId } from '../../models';

type Format = 'env' | 'json' | 'yaml' | 'toml' | 'tf' | 'properties';

/** The config format of a path, or null when the file is not one. */
export function configFormat(filePath: string): Format | null {
  const base = path.basename(filePath).toLowerCase();
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'env';
  const ext = path.extname(base);
  switch (ext) {
    case '.json':
      return 'json';
    case '.yaml':
    case '.yml':
      return 'yaml';
    case '.toml':
      return 'toml';
    case '.tf':
    case '.tfvars':
      return 'tf';
    case '.properties':
      return 'properties';
    default:
      return null;
  }
}

const TOKEN_CHAR = /[A-Za-z0-9._:/\-\u0000]/;

/** Replaces each `${…}` (one line, not nested) with PLACEHOLDER characters of the same length. */
function maskInterpolations(text: string): string {
  return text.replace(/\$\{[^{}\n]*\}/g, (m) => PLACEHOLDER.repeat(m.length));
}

/** Start offsets of comments per line (-1 when none), for formats that have line comments. */
function commentStart(line: string, format: Format): number {
  if (format === 'json') return -1;
  if (format === 'properties' && /^\s*[#!]/.test(line)) return line.search(/[#!]/);
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || (c === "'" && format !== 'env')) {
      quote = c;
      continue;
    }
    const atBoundary = i === 0 || /\s/.test(line[i - 1]!);
    if (c === '#' && (atBoundary || format === 'tf')) return i;
    if (format === 'tf' && c === '/' && line[i + 1] === '/') return i;
  }
  return -1;
}

interface Token {
  start: number;
  end: number;
  /** Masked text of the token (interpolations are runs of PLACEHOLDER). */
  masked: string;
  line: number;
  /** The list the token is an entry of (bracket start offset, or YAML block list start line), if any. */
  list: string | null;
}

/** Collapses runs of PLACEHOLDER to one, as the ID parser expects. */
function collapse(masked: string): string {
  return masked.replace(new RegExp(`${PLACEHOLDER}+`, 'g'), PLACEHOLDER);
}

function isKey(text: string, token: Token, format: Format): boolean {
  let i = token.end;
  if (text[i] === '"' || text[i] === "'") i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const next = text[i];
  if (next === ':' && (format === 'json' || format === 'yaml' || format === 'properties')) return true;
  if (next === '=' && format !== 'json' && format !== 'yaml') return true;
  // TOML table headers: [models."anthropic.claude-…"]
  const lineStart = text.lastIndexOf('\n', token.start - 1) + 1;
  return format === 'toml' && text.slice(lineStart, token.start).trimStart().startsWith('[') && text.slice(token.end).split('\n')[0]!.includes(']');
}

function scan(text: string, format: Format): Token[] {
  const masked = maskInterpolations(text);
  const tokens: Token[] = [];
  const lines = masked.split('\n');
  let offset = 0;
  const brackets: number[] = [];
  let yamlList: { indent: number; start: number } | null = null;
  lines.forEach((line, lineIndex) => {
    const comment = commentStart(line, format);
    const limit = comment < 0 ? line.length : comment;
    const item = format === 'yaml' ? /^(\s*)- /.exec(line) : null;
    if (item) {
      if (!yamlList || yamlList.indent !== item[1]!.length) yamlList = { indent: item[1]!.length, start: lineIndex };
    } else if (line.trim() !== '') {
      yamlList = null;
    }
    let quote: string | null = null;
    let i = 0;
    while (i < limit) {
      const c = line[i]!;
      if (quote) {
        if (c === '\\') {
          i += 2;
          continue;
        }
        if (c === quote) {
          quote = null;
          i++;
          continue;
        }
      } else if (c === '"' || (c === "'" && format !== 'json')) {
        quote = c;
        i++;
        continue;
      } else if (c === '[' && !(format === 'toml' && line.slice(0, i).trim() === '')) {
        brackets.push(offset + i);
      } else if (c === ']' && brackets.length) {
        brackets.pop();
      }
      if (!TOKEN_CHAR.test(c)) {
        i++;
        continue;
      }
      let j = i;
      while (j < limit && TOKEN_CHAR.test(line[j]!)) j++;
      let end = j;
      while (end > i && /[.:/-]/.test(line[end - 1]!)) end--;
      const tokenText = line.slice(i, end);
      if (tokenText.includes('anthropic.claude-') || tokenText.includes('application-inference-profile/')) {
        const list = brackets.length ? `b${brackets[brackets.length - 1]}` : item && yamlList ? `y${yamlList.start}:${yamlList.indent}` : null;
        tokens.push({ start: offset + i, end: offset + end, masked: tokenText, line: lineIndex + 1, list });
      }
      i = j;
    }
    offset += line.length + 1;
  });
  return tokens;
}

/** The bedrock-runtime URL path of a model: `…/model/<id>/invoke` (and the stream and Converse paths). */
const RUNTIME_PATH = /\/model\/([^/?#\s\u0000]+)\/(?:invoke|invoke-with-response-stream|converse|converse-stream)(?=$|[?#])/;

/**
 * Parses a token: as a whole, as the value of a `key:value` / `key=value` pair written without spaces, or the
 * model segment of a bedrock-runtime URL. `idStart`/`idEnd` are offsets in the token of the ID's text.
 */
function parseToken(token: Token): { parsed: ParsedModelId; idStart: number; idEnd: number } | null {
  const whole = parseModelIdPattern(collapse(token.masked));
  if (whole) return { parsed: whole, idStart: 0, idEnd: token.masked.length };
  const url = RUNTIME_PATH.exec(token.masked);
  if (url) {
    const segment = parseModelId(url[1]!);
    const idStart = url.index + '/model/'.length;
    return segment ? { parsed: segment, idStart, idEnd: idStart + url[1]!.length } : null;
  }
  if (token.masked.startsWith('arn:')) return null;
  const sep = token.masked.search(/[:=]/);
  if (sep <= 0) return null;
  const rest = parseModelIdPattern(collapse(token.masked.slice(sep + 1)));
  return rest ? { parsed: rest, idStart: sep + 1, idEnd: token.masked.length } : null;
}

/** Rewrites the model IDs of one config file; returns the new text, or null when nothing changed. */
export function rewriteConfigText(text: string, filePath: string, options: Partial<CodemodOptions>, notes: Note[]): string | null {
  const format = configFormat(filePath);
  if (!format) return null;
  const note = (message: string, line: number, kind?: NoteKind) => notes.push({ codemod: 'model-ids', message, line, ...(kind ? { kind } : {}) });
  const tokens = scan(text, format);
  const lists = new Map<string, Set<string>>();
  for (const t of tokens) if (t.list) lists.set(t.list, (lists.get(t.list) ?? new Set()).add(text.slice(t.start, t.end)));

  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const token of tokens) {
    const found = parseToken(token);
    if (!found || found.parsed.kind === 'first-party') continue;
    const { parsed } = found;
    const plan = planReplacement(parsed, options);
    if (plan.action === 'keep') continue;
    const idStart = token.start + found.idStart;
    const idEnd = token.start + found.idEnd;
    const original = text.slice(idStart, idEnd);
    if (plan.action === 'mark') {
      note(plan.message, token.line);
      continue;
    }
    // The base ID ends the ID text and never holds an interpolation, so its offset from the end is the same in
    // the collapsed text the parser saw and in the file.
    const baseStart = idEnd - (parsed.text.length - parsed.baseStart);
    const inserted = applyPlan(parsed, plan).slice(parsed.baseStart);
    const replaced = text.slice(idStart, baseStart) + inserted;
    if (isKey(text, token, format)) {
      note(`${original} keys data about that model (a table that describes models); left as it is`, token.line, 'left-alone');
      continue;
    }
    if (token.list) {
      const values = lists.get(token.list)!;
      const newToken = text.slice(token.start, baseStart) + inserted + text.slice(idEnd, token.end);
      if (values.has(newToken)) {
        note(`${original} would become ${replaced}, which this list already has: left as it is (remove the entry by hand)`, token.line, 'left-alone');
        continue;
      }
      values.add(newToken);
    }
    edits.push({ start: baseStart, end: idEnd, text: inserted });
    note(`${original} → ${replaced} (${parsed.model?.name ?? original} → ${plan.target?.name ?? replaced})`, token.line, 'model');
    for (const message of plan.notes) note(message, token.line, message.startsWith('routing changed') ? 'routing' : undefined);
  }
  if (edits.length === 0) return null;
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

const codemod: TextCodemod = {
  name: 'model-ids',
  rewriteText(text, filePath, options, notes) {
    return rewriteConfigText(text, filePath, options, notes);
  },
};

export default codemod;
