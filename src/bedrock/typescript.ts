/** True for the files whose code is TypeScript (`.ts`, `.tsx`, `.mts`, `.cts`): they get type annotations. */
export function isTypeScriptFile(path: string): boolean {
  return /\.[cm]?tsx?$/.test(path);
}
