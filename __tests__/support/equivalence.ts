/**
 * The equivalence check: a fixture's input and output modules, run against the same stub scenario, must
 * send requests with the same canonical meaning and produce the same values.
 *
 * A case is runnable when `__testfixtures__/<codemod>/<case>.run.json` exists:
 *   {
 *     "scenario": "<name>" | <turn> | [<turn or name>...],   // see scenarios.ts
 *     "call": "<exported function>",                          // "default" for the default export
 *     "args": [...],                                          // JSON, plus (see run-module.ts):
 *                                                             //   {"$fn": "name"}  recorder callback
 *                                                             //   {"$bytes": "<base64>"}  a Buffer
 *                                                             //   {"$req": {...}} / {"$res": true}  Express-style
 *                                                             //   request / recording response
 *     "expectOutput": { "throws": "<regex>" } | { "returns": <value> }   // optional
 *     "expectRequest": { "<canonical field>": <value or null> }           // optional
 *   }
 * `expectRequest` names the request fields the migration changes on purpose (model-ids in the `all`
 * preset: the model ID, a sampling parameter the target rejects): every output request must carry exactly
 * these values (null: the field is absent) and every other field must still mean the same. When it turns
 * `thinking` on, the reasoning blocks the output sends back in its history are not compared.
 * Without `expectOutput`, input and output must return equal values (or throw the same error name and
 * message) and make the same recorder calls, print the same (console.log / stdout) and send the same responses. With `expectOutput.throws`, the output must throw an error whose
 * `name: message` matches the regex while the input did not throw that way. With `expectOutput.returns`, the
 * output must return that value while the input did not. Requests are compared in every case.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { ScenarioSpec } from './scenarios';
import type { RecordedRequest, StubBedrock } from './stub-bedrock';
import { normalizeRecorded, type CanonicalRequest } from './normalize';
import { runModuleExport, type RunOutcome } from './run-module';

export interface RunSpec {
  scenario: ScenarioSpec;
  /** Further scenarios under which the same expectations must hold (e.g. both refusal variants). */
  moreScenarios?: ScenarioSpec[];
  call: string;
  args?: unknown[];
  expectOutput?: { throws?: string; returns?: unknown };
  expectRequest?: Record<string, unknown>;
}

export interface RunnableCase {
  /** Directory name under the fixtures root (the codemod). */
  codemod: string;
  name: string;
  inputPath: string;
  /** The `.output` file, or the input itself when the case must come back unchanged. */
  outputPath: string;
  runPath: string;
  spec: RunSpec;
}

export interface SideResult {
  file: string;
  outcome: RunOutcome;
  requests: RecordedRequest[];
  canonical: CanonicalRequest[];
}

export interface ScenarioRun {
  /** A label for the scenario ("main" for `scenario`, the name or "moreScenarios[i]" otherwise). */
  scenario: string;
  input: SideResult;
  output: SideResult;
  problems: string[];
}

export interface EquivalenceReport {
  case: RunnableCase;
  ok: boolean;
  /** Every problem; those from `moreScenarios` are prefixed with the scenario. */
  problems: string[];
  /** The `scenario` run. */
  input: SideResult;
  output: SideResult;
  /** All runs, the `scenario` run first. */
  runs: ScenarioRun[];
}

const EXTENSIONS = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'mts', 'cts'];

function findVariant(dir: string, name: string, kind: 'input' | 'output'): string | undefined {
  for (const ext of EXTENSIONS) {
    const candidate = path.join(dir, `${name}.${kind}.${ext}`);
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Validates a parsed `.run.json`; throws with the file name on a malformed spec. */
export function parseRunSpec(raw: unknown, file: string): RunSpec {
  const fail = (why: string): never => {
    throw new Error(`${file}: ${why}`);
  };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('expected a JSON object');
  const spec = raw as Record<string, unknown>;
  if (spec.scenario === undefined) fail('"scenario" is required (a scenario name or inline turns)');
  if (typeof spec.call !== 'string' || !spec.call) fail('"call" must name an exported function');
  if (spec.args !== undefined && !Array.isArray(spec.args)) fail('"args" must be an array');
  const expectOutput = spec.expectOutput as RunSpec['expectOutput'];
  if (expectOutput !== undefined) {
    if (!expectOutput || typeof expectOutput !== 'object') fail('"expectOutput" must be an object');
    if (expectOutput!.throws !== undefined) {
      if (typeof expectOutput!.throws !== 'string') fail('"expectOutput.throws" must be a regex string');
      new RegExp(expectOutput!.throws as string);
    }
    if (expectOutput!.throws === undefined && !('returns' in expectOutput!)) fail('"expectOutput" needs "throws" or "returns"');
  }
  if (spec.moreScenarios !== undefined && !Array.isArray(spec.moreScenarios)) fail('"moreScenarios" must be an array of scenarios');
  if (spec.expectRequest !== undefined && (!spec.expectRequest || typeof spec.expectRequest !== 'object' || Array.isArray(spec.expectRequest))) {
    fail('"expectRequest" must be an object of canonical request fields');
  }
  const known = new Set(['scenario', 'moreScenarios', 'call', 'args', 'expectOutput', 'expectRequest', '$comment', 'description']);
  for (const key of Object.keys(spec)) if (!known.has(key)) fail(`unknown key "${key}"`);
  return spec as unknown as RunSpec;
}

/** Finds every `<root>/<codemod>/<case>.run.json` (sorted). */
export function discoverRunnableCases(root: string): RunnableCase[] {
  if (!fs.existsSync(root)) return [];
  const cases: RunnableCase[] = [];
  for (const codemod of fs.readdirSync(root).sort()) {
    const dir = path.join(root, codemod);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const entry of fs.readdirSync(dir).sort()) {
      if (!entry.endsWith('.run.json')) continue;
      const name = entry.slice(0, -'.run.json'.length);
      const runPath = path.join(dir, entry);
      const inputPath = findVariant(dir, name, 'input');
      if (!inputPath) throw new Error(`${runPath}: no ${name}.input.<ext> next to it`);
      const spec = parseRunSpec(JSON.parse(fs.readFileSync(runPath, 'utf8')), runPath);
      cases.push({ codemod, name, inputPath, outputPath: findVariant(dir, name, 'output') ?? inputPath, runPath, spec });
    }
  }
  return cases;
}

/** Lists differences between two plain values as `path: left ≠ right` lines (at most `limit`). */
export function describeDifferences(left: unknown, right: unknown, at = '', limit = 12): string[] {
  const out: string[] = [];
  const show = (v: unknown): string => {
    const s = v === undefined ? 'undefined' : JSON.stringify(v);
    return s.length > 160 ? `${s.slice(0, 157)}...` : s;
  };
  const walk = (a: unknown, b: unknown, p: string): void => {
    if (out.length >= limit || isDeepStrictEqual(a, b)) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) out.push(`${p || '(root)'}: length ${a.length} ≠ ${b.length}`);
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${p}[${i}]`);
      return;
    }
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const k of [...keys].sort()) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], p ? `${p}.${k}` : k);
      return;
    }
    out.push(`${p || '(root)'}: ${show(a)} ≠ ${show(b)}`);
  };
  walk(left, right, at);
  return out;
}

async function runSide(stub: StubBedrock, c: RunnableCase, file: string, scenario: ScenarioSpec): Promise<SideResult> {
  stub.setScenario(scenario);
  const outcome = await runModuleExport(file, c.spec.call, c.spec.args ?? [], { endpoint: stub.url });
  const requests = [...stub.requests];
  return { file, outcome, requests, canonical: requests.map(normalizeRecorded) };
}

function errorText(e: { name: string; message: string }): string {
  return `${e.name}: ${e.message}`;
}

/**
 * A request with thinking turned on by the migration, without the reasoning blocks the model answered with
 * and the code sent back in the history (the input, without thinking, never received any).
 */
function withoutReasoning(request: Record<string, unknown>): Record<string, unknown> {
  const messages = request.messages as Array<{ role: string; content: Array<{ type: string }> }> | undefined;
  if (!Array.isArray(messages)) return request;
  const kept = messages.map((m) => ({ ...m, content: m.content.filter((b) => b.type !== 'thinking' && b.type !== 'redacted_thinking') }));
  return { ...request, messages: kept };
}

function compareRequests(input: SideResult, output: SideResult, problems: string[], expected: Record<string, unknown> = {}): void {
  if (input.canonical.length !== output.canonical.length) {
    problems.push(
      `request count differs: input sent ${input.canonical.length} (${input.requests.map((r) => r.operation).join(', ') || 'none'}), ` +
        `output sent ${output.canonical.length} (${output.requests.map((r) => r.operation).join(', ') || 'none'})`,
    );
  }
  const n = Math.min(input.canonical.length, output.canonical.length);
  for (let i = 0; i < n; i++) {
    const before = { ...(input.canonical[i] as unknown as Record<string, unknown>) };
    const after = output.canonical[i] as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(expected)) {
      const wanted = value === null ? undefined : value;
      if (!isDeepStrictEqual(after[field], wanted)) {
        problems.push(`request #${i + 1}: expectRequest.${field} is ${JSON.stringify(value)} but the output sent ${JSON.stringify(after[field] ?? null)}`);
      }
      // An intended change: compare the rest of the request as if the input had it too.
      if (wanted === undefined) delete before[field];
      else before[field] = wanted;
    }
    const diffs = describeDifferences(before, 'thinking' in expected && expected.thinking !== null ? withoutReasoning(after) : after);
    if (diffs.length) {
      problems.push(
        `request #${i + 1} (${input.requests[i]!.operation} vs ${output.requests[i]!.operation}) differs in meaning (input ≠ output):\n` +
          diffs.map((d) => `    ${d}`).join('\n'),
      );
    }
  }
}

function compareOutcomes(spec: RunSpec, input: RunOutcome, output: RunOutcome, problems: string[]): void {
  const expect = spec.expectOutput;
  if (expect?.throws !== undefined) {
    const re = new RegExp(expect.throws);
    if (!output.threw) {
      problems.push(`output was expected to throw /${expect.throws}/ but returned ${JSON.stringify(output.returned)}`);
    } else if (!re.test(errorText(output.threw))) {
      problems.push(`output threw "${errorText(output.threw)}", which does not match /${expect.throws}/`);
    }
    if (input.threw && re.test(errorText(input.threw))) {
      problems.push(`input already threw "${errorText(input.threw)}": the expectation does not show a change`);
    }
    return;
  }
  if (expect && 'returns' in expect) {
    if (output.threw) problems.push(`output was expected to return ${JSON.stringify(expect.returns)} but threw "${errorText(output.threw)}"`);
    else {
      const diffs = describeDifferences(expect.returns, output.returned, 'returned');
      if (diffs.length) problems.push(`output return value differs from expectOutput.returns (expected ≠ actual):\n${diffs.map((d) => `    ${d}`).join('\n')}`);
    }
    if (!input.threw && isDeepStrictEqual(input.returned, expect.returns)) {
      problems.push(`input already returned ${JSON.stringify(expect.returns)}: the expectation does not show a change`);
    }
    return;
  }
  if (input.threw || output.threw) {
    if (!input.threw) problems.push(`output threw "${errorText(output.threw!)}" but input returned ${JSON.stringify(input.returned)}`);
    else if (!output.threw) problems.push(`input threw "${errorText(input.threw)}" but output returned ${JSON.stringify(output.returned)}`);
    else if (errorText(input.threw) !== errorText(output.threw)) {
      problems.push(`errors differ: input threw "${errorText(input.threw)}", output threw "${errorText(output.threw)}"`);
    }
    const yielded = describeDifferences(input.yieldedBeforeError, output.yieldedBeforeError, 'yieldedBeforeError');
    if (yielded.length) problems.push(`items yielded before the error differ (input ≠ output):\n${yielded.map((d) => `    ${d}`).join('\n')}`);
  } else {
    const diffs = describeDifferences(input.returned, output.returned, 'returned');
    if (diffs.length) problems.push(`return values differ (input ≠ output):\n${diffs.map((d) => `    ${d}`).join('\n')}`);
  }
  const calls = describeDifferences(input.calls, output.calls, 'calls');
  if (calls.length) problems.push(`recorded callback calls differ (input ≠ output):\n${calls.map((d) => `    ${d}`).join('\n')}`);
  if (input.stdout !== output.stdout) {
    problems.push(`printed output differs (input ≠ output):\n${describeDifferences(input.stdout.split('\n'), output.stdout.split('\n'), 'stdout lines').map((d) => `    ${d}`).join('\n')}`);
  }
  const responses = describeDifferences(input.responses, output.responses, 'responses');
  if (responses.length) problems.push(`what the handler sent differs (input ≠ output):\n${responses.map((d) => `    ${d}`).join('\n')}`);
}

/** Runs both sides of a case against fresh stub state and compares them. */
async function runScenario(stub: StubBedrock, c: RunnableCase, scenario: ScenarioSpec, label: string): Promise<ScenarioRun> {
  const input = await runSide(stub, c, c.inputPath, scenario);
  const output = await runSide(stub, c, c.outputPath, scenario);
  const problems: string[] = [];
  if (input.requests.length === 0 && output.requests.length === 0) {
    problems.push('neither side sent a request to the stub: the case proves nothing (is the client created the usual way?)');
  }
  compareRequests(input, output, problems, c.spec.expectRequest);
  compareOutcomes(c.spec, input.outcome, output.outcome, problems);
  return { scenario: label, input, output, problems };
}

/** Runs both sides of a case against fresh stub state (per scenario) and compares them. */
export async function checkEquivalence(stub: StubBedrock, c: RunnableCase): Promise<EquivalenceReport> {
  const runs = [await runScenario(stub, c, c.spec.scenario, 'main')];
  for (const [i, extra] of (c.spec.moreScenarios ?? []).entries()) {
    runs.push(await runScenario(stub, c, extra, typeof extra === 'string' ? extra : `moreScenarios[${i}]`));
  }
  const problems = runs.flatMap((run, i) => (i === 0 ? run.problems : run.problems.map((p) => `[scenario ${run.scenario}] ${p}`)));
  return { case: c, ok: problems.length === 0, problems, input: runs[0]!.input, output: runs[0]!.output, runs };
}

function summarize(side: SideResult): string {
  const o = side.outcome;
  const result = o.threw ? `threw ${errorText(o.threw)}` : `returned ${JSON.stringify(o.returned)}`;
  const ops = side.requests.map((r) => r.operation).join(', ') || 'no requests';
  const short = result.length > 400 ? `${result.slice(0, 397)}...` : result;
  const printed = [o.stdout && `printed ${JSON.stringify(o.stdout.slice(0, 300))}`, o.stderr && `stderr ${JSON.stringify(o.stderr.slice(0, 300))}`]
    .filter(Boolean)
    .join('; ');
  return `${path.relative(process.cwd(), side.file)}: ${ops}; ${short}${printed ? `; ${printed}` : ''}`;
}

/** A readable failure message: the problems, then what each side did (for every failing scenario). */
export function formatReport(report: EquivalenceReport): string {
  const c = report.case;
  const lines = [`${c.codemod}/${c.name} is not equivalent:`, ...report.problems.map((p) => `  - ${p}`)];
  const failing = report.runs.filter((run) => run.problems.length > 0);
  for (const run of failing) {
    const tag = report.runs.length > 1 ? ` [scenario ${run.scenario}]` : '';
    lines.push(`  input${tag}:  ${summarize(run.input)}`, `  output${tag}: ${summarize(run.output)}`);
    if (run.problems.some((p) => p.startsWith('request'))) {
      lines.push(
        `  input requests (canonical):  ${JSON.stringify(run.input.canonical)}`,
        `  output requests (canonical): ${JSON.stringify(run.output.canonical)}`,
      );
    }
  }
  return lines.join('\n');
}
