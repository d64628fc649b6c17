/**
 * Facts about the project's other modules, handed to a codemod by the runner (never by the jscodeshift door,
 * which sees one file: there the same call is converted at the import/export boundary or marked, as before).
 *
 * The runner's pre-pass (src/runner/project.ts) finds, with a program of only the files reachable from the
 * Bedrock files, the functions through which a request piece or a response crosses a module boundary:
 *   - a body builder: `export function buildBody(q) { return JSON.stringify({ anthropic_version, … }) }`
 *     (or the object itself) whose every caller in the run is the `body:` of an InvokeModel call;
 *   - an input builder: `export function input(q) { return { modelId, body: JSON.stringify({…}) } }` whose
 *     every caller in the run passes its result to `new InvokeModelCommand(…)` / `x.invokeModel(…)`;
 *   - a message source: `export async function ask(q) { …send…; return JSON.parse(…) }` whose every caller
 *     in the run awaits it and reads the Anthropic message.
 * One verdict per function, the same for the module that defines it and for every module that calls it:
 * `follow` (the builder returns Converse input fields / the function returns the Converse response, and the
 * callers are rewritten with it) or `boundary` (today's conversion at the boundary, or a marker).
 *
 * API (stable): `moduleFacts(ctx)`, `importedFact(ctx, local, role)`, `exportedFact(ctx, name, role)`,
 * `reportFollowed(ctx, fact)`.
 */
import type { CodemodContext } from '../../../engine/types';

export type CrossRole = 'body-builder' | 'input-builder' | 'message-source';

export interface FunctionFact {
  /** `<defining file>#<export name>`: the same id in every module of the group. */
  id: string;
  role: CrossRole;
  /** Absolute path of the module that defines the function. */
  file: string;
  exportName: string;
  /** Its local name in the defining module (absent for `exports.x = function () {}`). */
  localName?: string;
  verdict: 'follow' | 'boundary';
  /** Body builders: whether the function returns the JSON text (JSON.stringify inside) or the body object. */
  stringifies?: boolean;
  /** Body builders: a legacy Text Completions body (`prompt`), whose response is read as `.completion`. */
  textCompletion?: boolean;
  /** Call sites in the run, per calling module (absolute path → count). */
  callers: Record<string, number>;
  /** With the verdict `boundary`: why, for the marker or note (`%s` stands for `file`, shown relative). */
  reason?: { text: string; file?: string };
}

/** What one module is told about the others. */
export interface ModuleFacts {
  /** Functions this module imports from project modules, by local name. */
  imported: Record<string, FunctionFact>;
  /** Functions this module defines and exports, by export name. */
  exported: Record<string, FunctionFact>;
  /**
   * Called each time a `follow` verdict is carried out at one place: once in the defining module, once per
   * call site in a calling module. The runner checks that every place did, or runs the group again with
   * the verdict `boundary` (so the two modules never disagree).
   */
  followed?: (id: string, file: string) => void;
}

/** The facts the runner gave this file; undefined in the jscodeshift door (or for a stray `--modules` flag). */
export function moduleFacts(ctx: CodemodContext): ModuleFacts | undefined {
  const facts: unknown = ctx.options.modules;
  if (!facts || typeof facts !== 'object') return undefined;
  const { imported, exported } = facts as Partial<ModuleFacts>;
  return imported && exported && typeof imported === 'object' && typeof exported === 'object' ? (facts as ModuleFacts) : undefined;
}

/** The `follow` fact of an imported function of this role, by its local name in this file. */
export function importedFact(ctx: CodemodContext, local: string, role: CrossRole): FunctionFact | undefined {
  const fact = moduleFacts(ctx)?.imported[local];
  return fact && fact.role === role && fact.verdict === 'follow' ? fact : undefined;
}

/** The `follow` fact of a function this file exports, by its local or export name. */
export function exportedFact(ctx: CodemodContext, name: string, role: CrossRole): FunctionFact | undefined {
  const facts = moduleFacts(ctx)?.exported ?? {};
  const fact = facts[name] ?? Object.values(facts).find((f) => f.localName === name);
  return fact && fact.role === role && fact.verdict === 'follow' ? fact : undefined;
}

/** The `boundary` fact of an imported or exported function of this role, when the runner knows why. */
export function boundaryFact(ctx: CodemodContext, name: string, role: CrossRole, side: 'imported' | 'exported'): FunctionFact | undefined {
  const fact = moduleFacts(ctx)?.[side][name];
  return fact && fact.role === role && fact.verdict === 'boundary' && fact.reason ? fact : undefined;
}

/** Why the verdict is `boundary`, as this module says it (`re-exported by ./index.js`). */
export function boundaryReason(ctx: CodemodContext, fact: FunctionFact): string {
  const file = fact.reason!.file;
  return fact.reason!.text.replace('%s', file ? relativeModule(ctx.file.path, file) : '');
}

export function reportFollowed(ctx: CodemodContext, fact: FunctionFact): void {
  moduleFacts(ctx)?.followed?.(fact.id, ctx.file.path);
}

/** Module paths as the report shows them: relative to the module being rewritten. */
export function relativeModule(from: string, to: string): string {
  const a = from.split(/[\\/]/).slice(0, -1);
  const b = to.split(/[\\/]/);
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - i;
  return `${up === 0 ? './' : '../'.repeat(up)}${b.slice(i).join('/')}`;
}
