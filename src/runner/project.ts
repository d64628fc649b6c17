/**
 * Following a request body or a response across the project's modules (see src/bedrock/flow/modules/).
 *
 * After the files have their results, the runner looks at the Bedrock files where invoke-to-converse kept a
 * call or converted at a boundary. Only when one of them imports or exports something (a relative module)
 * is the project index built: a ts-morph program of those files, the modules they import the body from and
 * the modules of the run that import them — never the whole repository, and nothing at all on a run that
 * does not need it. From it, one verdict per function that carries a body or a response across:
 *   - `follow` when every use of it in the run is a call that fits (the `body:` of an InvokeModel call, an
 *     awaited call whose message is read), and nothing re-exports or passes it on;
 *   - the modules of such a group are transformed again together, in this thread, with the facts; each
 *     place that carries the verdict out reports it. A function for which one place could not (a call kept
 *     for another reason, a read that does not map) gets the verdict `boundary` and its group runs again, so
 *     the defining module and its callers never disagree. Modules left with no `follow` verdict keep the
 *     result they had.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import type { CodemodManifestEntry, CodemodOptions } from '../engine/types';
import type { FunctionFact, ModuleFacts } from '../bedrock/flow/modules/facts';
import { callsOf, exportedFunctions, findCrossings, relativeSpecifiers, returnsPrompt, tsMorph } from '../bedrock/flow/modules/index-facts';
import { mayCrossModules } from '../bedrock/flow/modules/crossing';
import { transformFile, type FileResult } from './process';

const CODEMOD = 'invoke-to-converse';
const RELATIVE = /(?:\bfrom\s*|\brequire\s*\(\s*)['"]\.\.?\//;
const EXPORTS = /\bexport\b|\bmodule\.exports\b|\bexports\.[A-Za-z_$]/;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** At most this many rounds of "some place could not follow: run the group again without it". */
const ROUNDS = 4;

/** How often the project index was built in this process (tests check that it is built only when needed). */
export const projectIndexStats = { built: 0 };

export interface CrossModuleRun {
  results: FileResult[];
  /** Every file of the run. */
  files: readonly string[];
  codemods: readonly CodemodManifestEntry[];
  options: Partial<CodemodOptions>;
}

/** A Bedrock file whose call was kept or converted at a boundary for what may cross a module, and that imports or exports something. */
function isSeed(r: FileResult, source: () => string): boolean {
  const ours = r.markers.some((m) => m.codemod === CODEMOD && mayCrossModules(m.message)) || r.notes.some((n) => n.codemod === CODEMOD && mayCrossModules(n.message));
  if (!ours) return false;
  const text = source();
  return RELATIVE.test(text) || EXPORTS.test(text);
}

/**
 * Whether this result makes `followAcrossModules` build the project index (the run must include
 * invoke-to-converse): the runner then loads ts-morph while the workers still transform other files.
 */
export function needsProjectIndex(r: FileResult): boolean {
  if (r.status !== 'changed' && r.status !== 'unchanged') return false;
  return isSeed(r, () => {
    if (r.original !== undefined) return r.original;
    try {
      return fs.readFileSync(r.file, 'utf8');
    } catch {
      return '';
    }
  });
}

export function followAcrossModules(run: CrossModuleRun): void {
  if (!run.codemods.some((c) => c.name === CODEMOD)) return;
  const sources = new Map<string, string>();
  const read = (file: string): string | undefined => {
    if (!sources.has(file)) {
      try {
        sources.set(file, fs.readFileSync(file, 'utf8'));
      } catch {
        return undefined;
      }
    }
    return sources.get(file);
  };
  const seeds = run.results.filter((r) => (r.status === 'changed' || r.status === 'unchanged') && isSeed(r, () => r.original ?? read(r.file) ?? ''));
  if (seeds.length === 0) return;

  const { Project } = tsMorph();
  projectIndexStats.built++;
  const project: Project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: true } });
  const inRun = new Set(run.files);
  const load = (file: string): SourceFile | undefined => {
    const existing = project.getSourceFile(file);
    if (existing) return existing;
    const text = file === undefined ? undefined : read(file);
    return text === undefined ? undefined : project.createSourceFile(file, text, { overwrite: true });
  };
  const resolve = (from: string, specifier: string): string | undefined => resolveModule(path.resolve(path.dirname(from), specifier), inRun);

  const facts = new Map<string, FunctionFact>();
  for (const seed of seeds) {
    const file = load(seed.file);
    if (!file) continue;
    for (const c of findCrossings(file)) {
      const definer = c.role === 'message-source' ? seed.file : c.specifier ? resolve(seed.file, c.specifier) : undefined;
      const defining = definer ? load(definer) : undefined;
      if (!definer || !defining) continue;
      const fn = exportedFunctions(defining).find((e) => e.exportName === c.exportName);
      if (!fn) continue;
      const id = `${definer}#${c.exportName}`;
      if (facts.has(id)) continue;
      facts.set(id, {
        id,
        role: c.role,
        file: definer,
        exportName: c.exportName,
        ...(fn.localName ? { localName: fn.localName } : {}),
        verdict: 'follow',
        ...(c.role === 'body-builder' ? { stringifies: c.stringifies === true } : {}),
        ...(c.role !== 'message-source' ? { textCompletion: returnsPrompt(fn.node) } : {}),
        callers: {},
      });
    }
  }
  if (facts.size === 0) return;

  // Every module of the run that refers to a defining module: its uses decide the verdict.
  const locals = new Map<string, Map<string, string>>(); // file → local name → fact id
  const definers = new Map<string, FunctionFact[]>();
  for (const f of facts.values()) definers.set(f.file, [...(definers.get(f.file) ?? []), f]);
  const stems = [...definers.keys()].map((d) => path.basename(d).replace(/\.[^.]+$/, ''));
  for (const file of run.files) {
    if (!EXTENSIONS.includes(path.extname(file))) continue;
    const text = read(file);
    if (text === undefined || !RELATIVE.test(text) || !stems.some((s) => text.includes(s))) continue;
    const sf = load(file);
    if (!sf) continue;
    for (const { specifier, reexport } of relativeSpecifiers(sf)) {
      const target = resolve(file, specifier);
      if (target === file) continue;
      for (const fact of (target && definers.get(target)) || []) {
        if (reexport) {
          keep(fact, 're-exported by %s', file);
          continue;
        }
        const local = localNameOf(sf, specifier, fact.exportName);
        if (local === null) {
          keep(fact, 'whose whole module %s imports', file);
          continue;
        }
        if (local === undefined) continue;
        const uses = callsOf(sf, local, fact.role, fact.stringifies);
        if (uses.other) keep(fact, 'used in another way in %s', file);
        if (uses.calls > 0) {
          fact.callers[file] = uses.calls;
          if (!locals.has(file)) locals.set(file, new Map());
          locals.get(file)!.set(local, fact.id);
        }
      }
    }
  }
  for (const f of facts.values()) {
    if (Object.keys(f.callers).length === 0) f.verdict = 'boundary';
    // A builder also called in its own module builds something else there too.
    if (f.role !== 'message-source' && f.localName && callsOf(load(f.file)!, f.localName, f.role, f.stringifies).calls > 0) keep(f, 'also called in its own module');
  }

  const original = new Map(run.results.map((r, i) => [r.file, i]));
  const forced = run.codemods.map((c) => (c.name === CODEMOD ? { ...c, mentions: [''], requires: undefined } : c));
  const transform = (file: string, modules: ModuleFacts): FileResult | undefined => {
    const source = read(file);
    return source === undefined ? undefined : transformFile(file, source, forced, { ...run.options, modules });
  };
  /** The facts one module is given: every `follow` verdict, and the `boundary` ones that change what it says. */
  const factsFor = (file: string, followed?: ModuleFacts['followed']): ModuleFacts => {
    const modules: ModuleFacts = { imported: {}, exported: {}, ...(followed ? { followed } : {}) };
    for (const f of facts.values()) {
      if (f.file === file && (f.verdict === 'follow' || (f.role === 'message-source' && f.reason))) modules.exported[f.exportName] = f;
    }
    for (const [local, id] of locals.get(file) ?? []) {
      const f = facts.get(id)!;
      // The module whose own call is the reason keeps saying its own reason.
      if (f.verdict === 'follow' || (f.role !== 'message-source' && f.reason && f.reason.file !== file)) modules.imported[local] = f;
    }
    return modules;
  };

  // Trial runs of each group with its verdicts; a verdict one place could not carry out becomes `boundary`.
  let settled = new Map<string, FileResult>();
  let agreed = false;
  for (let round = 0; round < ROUNDS && !agreed; round++) {
    const following = [...facts.values()].filter((f) => f.verdict === 'follow');
    settled = new Map();
    if (following.length === 0) {
      agreed = true;
      break;
    }
    const done = new Map<string, Map<string, number>>();
    const followed = (id: string, file: string) => {
      if (!done.has(id)) done.set(id, new Map());
      done.get(id)!.set(file, (done.get(id)!.get(file) ?? 0) + 1);
    };
    const files = new Set(following.flatMap((f) => [f.file, ...Object.keys(f.callers)]));
    for (const file of files) {
      const result = transform(file, factsFor(file, followed));
      if (result) settled.set(file, result);
    }
    agreed = true;
    for (const f of following) {
      const by = done.get(f.id);
      if (by?.get(f.file) !== 1) {
        keep(f, f.role === 'message-source' ? undefined : f.role === 'body-builder' ? 'whose body does not map there' : 'whose input does not map there');
        agreed = false;
        continue;
      }
      const failed = Object.entries(f.callers).find(([file, n]) => by.get(file) !== n);
      if (failed) {
        keep(f, f.role === 'message-source' ? 'read in a way that cannot be followed in %s' : 'also sent by a call kept in %s', failed[0]);
        agreed = false;
      }
    }
    if (!agreed) settled = new Map();
  }
  // Still no agreement after the last round: nothing is followed.
  if (!agreed) for (const f of facts.values()) if (f.verdict === 'follow') keep(f);

  // The modules of every group get their final result: the trial's, or (where a verdict became `boundary`
  // for a reason the module should name) one more run with it; the others keep the result they had.
  const touched = new Set([...facts.values()].filter((f) => f.verdict === 'follow' || f.reason).flatMap((f) => [f.file, ...Object.keys(f.callers)]));
  for (const file of touched) {
    const modules = factsFor(file);
    const boundaries = [...Object.values(modules.imported), ...Object.values(modules.exported)].some((f) => f.verdict === 'boundary');
    const result = boundaries ? transform(file, modules) : settled.get(file);
    const at = original.get(file);
    if (result && at !== undefined) run.results[at] = result;
  }
}

/** The verdict `boundary`, with the first reason found (`%s` is `file`, shown relative where it is said). */
function keep(fact: FunctionFact, text?: string, file?: string): void {
  fact.verdict = 'boundary';
  if (text && !fact.reason) fact.reason = { text, ...(file ? { file } : {}) };
}

/**
 * The local name a module gives to `exportName` of the module `specifier`: a named or default import, or a
 * destructured require. `null` when it takes the whole module (`import * as`, `const m = require()`).
 */
function localNameOf(file: SourceFile, specifier: string, exportName: string): string | null | undefined {
  const { Node: N } = tsMorph();
  for (const d of file.getImportDeclarations()) {
    if (d.getModuleSpecifierValue() !== specifier) continue;
    if (d.getNamespaceImport()) return null;
    if (exportName === 'default' && d.getDefaultImport()) return d.getDefaultImport()!.getText();
    for (const s of d.getNamedImports()) if (s.getName() === exportName) return s.getAliasNode()?.getText() ?? s.getName();
  }
  let found: string | null | undefined;
  file.forEachDescendant((n) => {
    if (!N.isCallExpression(n) || n.getExpression().getText() !== 'require') return;
    const arg = n.getArguments()[0];
    if (!arg || !N.isStringLiteral(arg) || arg.getLiteralValue() !== specifier) return;
    const holder = n.getParent();
    if (!holder || !N.isVariableDeclaration(holder)) {
      found = null;
      return;
    }
    const name = holder.getNameNode();
    if (!N.isObjectBindingPattern(name)) {
      found = null;
      return;
    }
    for (const el of name.getElements()) if ((el.getPropertyNameNode()?.getText() ?? el.getName()) === exportName) found ??= el.getName();
  });
  return found;
}

/** A relative module specifier → the file of the run it names (extension and `index` resolution, `.js` → `.ts`). */
function resolveModule(base: string, inRun: ReadonlySet<string>): string | undefined {
  const tries = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  const js = /\.(m|c)?js$/.exec(base);
  if (js) tries.push(base.slice(0, -js[0].length) + `.${js[1] ?? ''}ts`, base.slice(0, -js[0].length) + '.tsx');
  return tries.find((t) => inRun.has(t));
}
