/**
 * The Markdown report, written as the pull request's description: a summary first, then a review checklist
 * grouped by behaviour change (each item linked to file:line), the prompt inventory, what was left alone and
 * why, and the diffs folded away.
 */
import path from 'node:path';
import type { Marker, Note, NoteKind } from '../engine/types';
import type { FileResult } from './process';
import type { PromptSite } from './prompts';
import type { ReportInput } from './report';
import { displayPath } from './runner';

/** Codemods whose markers mean a call was left on its old API. */
const KEPT_CALL_CODEMODS = new Set(['invoke-to-converse', 'converse-stream']);

export interface ChecklistItem {
  file: FileResult;
  /** Line in the migrated file (0: the whole file). */
  line: number;
  codemod: string;
  message: string;
}

export interface Checklist {
  model: ChecklistItem[];
  refusal: ChecklistItem[];
  parameters: ChecklistItem[];
  routing: ChecklistItem[];
  boundary: ChecklistItem[];
  kept: ChecklistItem[];
  markers: ChecklistItem[];
  other: ChecklistItem[];
  leftAlone: ChecklistItem[];
}

/** Sorts every note and marker of the changed (and, for "left alone", every parsed) file into its group. */
export function buildChecklist(input: Pick<ReportInput, 'files' | 'mode'>, markersCount: (f: FileResult) => boolean): Checklist {
  const list: Checklist = { model: [], refusal: [], parameters: [], routing: [], boundary: [], kept: [], markers: [], other: [], leftAlone: [] };
  const group: Record<NoteKind, keyof Checklist> = {
    model: 'model',
    refusal: 'refusal',
    parameters: 'parameters',
    routing: 'routing',
    boundary: 'boundary',
    kept: 'kept',
    'left-alone': 'leftAlone',
  };
  for (const f of input.files) {
    const changed = f.status === 'changed';
    for (const n of f.notes as Note[]) {
      const key = n.kind ? group[n.kind] : 'other';
      // What was left alone matters in any file; everything else only where the file changes.
      if (!changed && key !== 'leftAlone') continue;
      list[key].push({ file: f, line: n.line, codemod: n.codemod, message: n.message });
    }
    if (!markersCount(f)) continue;
    for (const m of f.markers as Marker[]) {
      const item = { file: f, line: m.line, codemod: m.codemod, message: m.message };
      (KEPT_CALL_CODEMODS.has(m.codemod) ? list.kept : list.markers).push(item);
    }
  }
  for (const items of Object.values(list) as ChecklistItem[][]) {
    items.sort((a, b) => (a.file.file < b.file.file ? -1 : a.file.file > b.file.file ? 1 : a.line - b.line));
  }
  return list;
}

/** A relative Markdown link to file:line, from the directory the report is read in. */
export function linkTo(cwd: string, base: string, file: string, line: number): string {
  const shown = displayPath(cwd, file);
  const rel = path.relative(base, file).split(path.sep).join('/') || path.basename(file);
  const label = line > 0 ? `${shown}:${line}` : shown;
  return `[\`${label}\`](${encodeURI(rel)}${line > 0 ? `#L${line}` : ''})`;
}

function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

const POLICIES: Record<string, string> = {
  throw: 'throws `Error("Claude refused the request (stop reason …, model …)")`: callers see a refusal as a failed call',
  'return-null': 'returns `null`: callers must treat `null` as "no answer"',
  handler: 'returns what the refusal handler returns (`--refusal-handler`)',
  marker: 'adds nothing: each place has a marker instead',
};

/** The review checklist and its sections, as Markdown lines. */
export function checklistMarkdown(input: ReportInput, list: Checklist, prompts: readonly PromptSite[], base: string): string[] {
  const out: string[] = [];
  const item = (i: ChecklistItem, box = true) => `${box ? '- [ ] ' : '- '}${linkTo(input.cwd, base, i.file.file, i.line)} ${oneLine(i.message)} _(${i.codemod})_`;
  const section = (title: string, intro: string[], items: ChecklistItem[]) => {
    if (items.length === 0) return;
    out.push(`### ${title}`, '', ...intro, ...(intro.length ? [''] : []), ...items.map((i) => item(i)), '');
  };

  out.push('## Review checklist', '');
  if (list.model.length) {
    out.push(
      '### Model generation changed',
      '',
      'These calls now go to a Claude 4 model. Claude 4 follows instructions more literally and elaborates less than',
      'Claude 3.x: re-read the system prompts and prompt templates below (the prompt inventory lists them all) and',
      're-tune them where the old model filled gaps on its own.',
      '',
      ...list.model.map((i) => item(i)),
    );
    const withPrompt = prompts.filter((p) => p.system !== null || p.messages !== null);
    if (withPrompt.length) {
      out.push('', 'Prompts that now go to a new model:', '');
      for (const p of withPrompt) {
        const what = p.system !== null ? `system: ${quote(p.system)}` : `messages: ${quote(p.messages!)}`;
        out.push(`- [ ] ${linkTo(input.cwd, base, path.resolve(input.cwd, p.path), p.line)} ${p.api} → \`${p.model ?? '?'}\`, ${what}`);
      }
    }
    out.push('');
  }
  const policy = String(input.options.refusal ?? 'throw');
  section(
    'Refusal handling added',
    [
      `Claude 4 can stop with \`refusal\`. The inserted handling ${POLICIES[policy] ?? `follows --refusal=${policy}`}. Never use the partial`,
      'output of a refused turn or send it again as it is. On Converse, `content_filtered` and the raw `"refusal"` string are both',
      'treated as a refusal (what Converse returns for a refusal is not documented).',
    ],
    list.refusal,
  );
  section('Parameters dropped or changed for the target model', ['The new model rejects some of what the old request sent.'], list.parameters);
  section(
    'Routing changed',
    [
      'Base model IDs now go through a cross-region inference profile (`global.` or a geographic prefix). Check data',
      'residency (a `global.` profile may serve the request from any commercial region; a geographic one stays in its',
      'geography) and IAM: policies must allow `bedrock:InvokeModel*` on the inference profile and on the foundation model',
      'in every region it routes to.',
    ],
    list.routing,
  );
  section(
    'Shapes converted at a boundary',
    [
      'At these places the code converts between the Anthropic and the Converse shapes at run time (a gateway send that',
      'routes Claude models through Converse, or data entering or leaving code the run cannot rewrite). Check that the',
      'fields the code reads are the ones the conversion gives back: Converse has no message id or model name.',
    ],
    list.boundary,
  );
  section('Calls left on their old API, and why', [], list.kept);
  section('Work left for a human (`TODO(bedrock-claude-codemod)` markers)', ['Each marker sits in the code at the line linked; remove it once done.'], list.markers);
  section('Other changes to review', [], list.other);

  out.push(
    '### Evaluation before rollout',
    '',
    `- [ ] Run a representative prompt set against the old and the new model and compare the answers (quality, length, refusals, tool use), latency and cost. The prompt inventory below (${prompts.length} call site${prompts.length === 1 ? '' : 's'}; \`--prompts <file.json>\` exports it) is where that set starts.`,
    '- [ ] Roll out behind a flag, in shadow (both models answer, only the old answer is used) or as an A/B test, before switching every caller.',
    '',
  );
  return out;
}

function quote(text: string): string {
  const t = oneLine(text);
  const short = t.length > 160 ? `${t.slice(0, 159)}…` : t;
  return `\`${short.replace(/`/g, "'")}\``;
}

/** The prompt inventory as a table. */
export function promptTable(input: ReportInput, prompts: readonly PromptSite[], base: string): string[] {
  if (prompts.length === 0) return [];
  const cell = (s: string | null) => (s === null ? '' : quote(s).replace(/\|/g, '\\|'));
  const out = ['## Prompt inventory', '', '| call | API | model | system | messages | parameters |', '|---|---|---|---|---|---|'];
  for (const p of prompts) {
    const params = Object.entries(p.parameters).map(([k, v]) => `${k}: ${v}`).join(', ');
    out.push(`| ${linkTo(input.cwd, base, path.resolve(input.cwd, p.path), p.line)} | ${p.api} | ${cell(p.model)} | ${cell(p.system)} | ${cell(p.messages)} | ${cell(params || null)} |`);
  }
  out.push('');
  return out;
}
