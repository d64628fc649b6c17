import path from 'node:path';
import { selectCodemods } from '../codemods/registry';
import type { Codemod, CodemodManifestEntry } from '../engine/types';

/** Which codemods a run uses: names from the manifest plus local codemod modules. */
export interface CodemodSelection {
  only?: readonly string[];
  skip?: readonly string[];
  /** Absolute paths of local codemod modules (`--codemod-module`), run after the built-in ones. */
  modules?: readonly string[];
}

/**
 * A local codemod module: CommonJS (or compiled) JavaScript whose default export (or module.exports)
 * is `{ name, run(ctx) }`, optionally with `mentions` (pre-filter substrings) and `summary`.
 */
export function loadCodemodModule(file: string): CodemodManifestEntry {
  const abs = path.resolve(file);
  let loaded: { default?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(abs) as { default?: unknown };
  } catch (error) {
    throw new Error(`codemod module ${file} cannot be loaded: ${(error as Error).message.split('\n')[0]}`);
  }
  const mod = (loaded && typeof loaded === 'object' && 'default' in loaded ? loaded.default : loaded) as Partial<Codemod> & {
    mentions?: unknown;
    summary?: unknown;
  };
  if (!mod || typeof mod.run !== 'function' || typeof mod.name !== 'string') {
    throw new Error(`codemod module ${file} must export { name, run(ctx) }`);
  }
  const codemod = mod as Codemod;
  const mentions = Array.isArray(mod.mentions) ? mod.mentions.map(String) : [''];
  return {
    name: codemod.name,
    summary: typeof mod.summary === 'string' ? mod.summary : `local codemod (${path.basename(abs)})`,
    mentions,
    options: [],
    load: () => codemod,
  };
}

export function resolveCodemods(selection: CodemodSelection): CodemodManifestEntry[] {
  const only = selection.only ?? [];
  const modules = (selection.modules ?? []).map(loadCodemodModule);
  const localNames = new Set(modules.map((m) => m.name));
  const builtinOnly = only.filter((n) => !localNames.has(n));
  // `--only <local>` alone means "just the local codemod".
  const builtins = only.length > 0 && builtinOnly.length === 0 ? [] : selectCodemods(builtinOnly, (selection.skip ?? []).filter((n) => !localNames.has(n)));
  const locals = modules.filter((m) => !(selection.skip ?? []).includes(m.name) && (only.length === 0 || only.includes(m.name)));
  return [...builtins, ...locals];
}
