/**
 * The project index (runner only): with a ts-morph program of the files reachable from the Bedrock files
 * whose request body or response crosses a relative import/export, finds the functions that carry it
 * (facts.ts) and every call of them in the run. Syntax only: no type checker, no tsconfig, no other file.
 *
 * API (stable): `findCrossings(seed)` → the functions a Bedrock module imports as body builders or exports
 * as message sources; `callsOf(file, definer, exportName)` → how a module uses such a function;
 * `definesFunction(file, exportName)`; `relativeSpecifiers(file)`.
 */
import type { CallExpression, Node, SourceFile } from 'ts-morph';
import type { CrossRole } from './facts';

type TsMorph = typeof import('ts-morph');
let loaded: TsMorph | undefined;
/** ts-morph (and its TypeScript) is loaded the first time a run needs the index, never before. */
export function tsMorph(): TsMorph {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('ts-morph') as TsMorph;
  return loaded;
}

/** A function another module defines, as a Bedrock module refers to it. */
export interface Crossing {
  role: CrossRole;
  /** The module specifier (relative) and the export name; for a message source, the seed itself. */
  specifier?: string;
  exportName: string;
  localName?: string;
  stringifies?: boolean;
}

const SEND = /\bInvokeModelCommand$|\.invokeModel$/;

/** The call of an InvokeModel input: `new InvokeModelCommand({...})` or `x.invokeModel({...})`. */
function inputObjects(file: SourceFile): Node[] {
  const { SyntaxKind } = tsMorph();
  const out: Node[] = [];
  file.forEachDescendant((n) => {
    if (!n.isKind(SyntaxKind.NewExpression) && !n.isKind(SyntaxKind.CallExpression)) return;
    if (!SEND.test(n.getExpression().getText())) return;
    const arg = n.getArguments()[0];
    if (arg?.isKind(SyntaxKind.ObjectLiteralExpression)) out.push(arg);
  });
  return out;
}

function isJsonStringify(call: CallExpression): boolean {
  return call.getExpression().getText() === 'JSON.stringify' && call.getArguments().length === 1;
}

/** `new InvokeModelCommand(f(…))` / `x.invokeModel(f(…))`: the callee's name when the whole input is built by a call. */
function inputBuilderCalls(file: SourceFile): Array<{ callee: string; call: Node }> {
  const { Node: N, SyntaxKind } = tsMorph();
  const out: Array<{ callee: string; call: Node }> = [];
  file.forEachDescendant((n) => {
    if (!n.isKind(SyntaxKind.NewExpression) && !n.isKind(SyntaxKind.CallExpression)) return;
    if (!SEND.test(n.getExpression().getText())) return;
    const arg = n.getArguments()[0];
    if (arg && N.isCallExpression(arg) && N.isIdentifier(arg.getExpression())) out.push({ callee: arg.getExpression().getText(), call: arg });
  });
  return out;
}

/** `body: f(…)` (f returns the JSON text) or `body: JSON.stringify(f(…))` (f returns the object). */
function bodyBuilderCall(input: Node): { callee: string; stringifies: boolean } | undefined {
  const { Node: N, SyntaxKind } = tsMorph();
  if (!N.isObjectLiteralExpression(input)) return undefined;
  const body = input.getProperty('body');
  if (!body || !N.isPropertyAssignment(body)) return undefined;
  let value = body.getInitializer();
  while (value && (N.isParenthesizedExpression(value) || N.isAsExpression(value))) value = value.getExpression();
  if (!value?.isKind(SyntaxKind.CallExpression)) return undefined;
  if (isJsonStringify(value)) {
    const inner = value.getArguments()[0];
    if (inner?.isKind(SyntaxKind.CallExpression) && N.isIdentifier(inner.getExpression())) return { callee: inner.getExpression().getText(), stringifies: false };
    return undefined;
  }
  if (N.isIdentifier(value.getExpression())) return { callee: value.getExpression().getText(), stringifies: true };
  return undefined;
}

/** Where a local name comes from: a relative ESM import or a destructured `require`. */
export function importOf(file: SourceFile, local: string): { specifier: string; exportName: string } | undefined {
  const { Node: N } = tsMorph();
  for (const d of file.getImportDeclarations()) {
    const specifier = d.getModuleSpecifierValue();
    if (!specifier.startsWith('.')) continue;
    if (d.getDefaultImport()?.getText() === local) return { specifier, exportName: 'default' };
    for (const s of d.getNamedImports()) {
      if ((s.getAliasNode()?.getText() ?? s.getName()) === local) return { specifier, exportName: s.getName() };
    }
  }
  for (const v of file.getVariableDeclarations()) {
    const init = v.getInitializer();
    if (!init || !N.isCallExpression(init) || init.getExpression().getText() !== 'require') continue;
    const arg = init.getArguments()[0];
    if (!arg || !N.isStringLiteral(arg) || !arg.getLiteralValue().startsWith('.')) continue;
    const name = v.getNameNode();
    if (!N.isObjectBindingPattern(name)) continue;
    for (const el of name.getElements()) {
      if (el.getName() === local) return { specifier: arg.getLiteralValue(), exportName: el.getPropertyNameNode()?.getText() ?? local };
    }
  }
  return undefined;
}

/** Exported names of the module with the local function each refers to (ESM and CJS forms). */
export function exportedFunctions(file: SourceFile): Array<{ exportName: string; localName?: string; node: Node }> {
  const { Node: N, SyntaxKind } = tsMorph();
  const out: Array<{ exportName: string; localName?: string; node: Node }> = [];
  const locals = new Map<string, Node>();
  for (const f of file.getFunctions()) if (f.getName()) locals.set(f.getName()!, f);
  for (const v of file.getVariableDeclarations()) {
    const init = v.getInitializer();
    if (init && (N.isArrowFunction(init) || N.isFunctionExpression(init)) && N.isIdentifier(v.getNameNode())) locals.set(v.getName(), init);
  }
  for (const [name, node] of locals) {
    const holder = N.isFunctionDeclaration(node) ? node : node.getFirstAncestorByKind(SyntaxKind.VariableStatement);
    if (holder && N.isExportable(holder) && holder.isExported()) out.push({ exportName: holder.isDefaultExport() ? 'default' : name, localName: name, node });
  }
  for (const d of file.getExportDeclarations()) {
    if (d.getModuleSpecifier()) continue;
    for (const s of d.getNamedExports()) {
      const node = locals.get(s.getName());
      if (node) out.push({ exportName: s.getAliasNode()?.getText() ?? s.getName(), localName: s.getName(), node });
    }
  }
  file.forEachDescendant((n) => {
    if (!N.isBinaryExpression(n) || n.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return;
    const left = n.getLeft().getText();
    const right = n.getRight();
    if (left === 'module.exports' && N.isObjectLiteralExpression(right)) {
      for (const p of right.getProperties()) {
        const local = N.isShorthandPropertyAssignment(p) ? p.getName() : N.isPropertyAssignment(p) ? p.getInitializer()?.getText() : undefined;
        const node = local ? locals.get(local) : undefined;
        if (node && (N.isShorthandPropertyAssignment(p) || N.isPropertyAssignment(p))) out.push({ exportName: p.getName(), localName: local, node });
      }
      return;
    }
    const m = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(left);
    if (!m) return;
    if (N.isIdentifier(right) && locals.has(right.getText())) out.push({ exportName: m[1]!, localName: right.getText(), node: locals.get(right.getText())! });
    else if (N.isArrowFunction(right) || N.isFunctionExpression(right)) out.push({ exportName: m[1]!, node: right });
  });
  return out;
}

/** What a Bedrock module hands across a module boundary. */
export function findCrossings(seed: SourceFile): Crossing[] {
  const { SyntaxKind } = tsMorph();
  const out: Crossing[] = [];
  for (const input of inputObjects(seed)) {
    const call = bodyBuilderCall(input);
    const from = call ? importOf(seed, call.callee) : undefined;
    if (call && from) out.push({ role: 'body-builder', specifier: from.specifier, exportName: from.exportName, localName: call.callee, stringifies: call.stringifies });
  }
  for (const { callee } of inputBuilderCalls(seed)) {
    const from = importOf(seed, callee);
    if (from) out.push({ role: 'input-builder', specifier: from.specifier, exportName: from.exportName, localName: callee });
  }
  for (const e of exportedFunctions(seed)) {
    const fn = e.node;
    const isAsync = (fn as unknown as { isAsync?: () => boolean }).isAsync?.() === true;
    if (!isAsync) continue;
    let sends = false;
    let parses = false;
    fn.forEachDescendant((n) => {
      if (n.isKind(SyntaxKind.NewExpression) || n.isKind(SyntaxKind.CallExpression)) {
        const text = n.getExpression().getText();
        if (SEND.test(text)) sends = true;
        if (text === 'JSON.parse') parses = true;
      }
    });
    if (sends && parses) out.push({ role: 'message-source', exportName: e.exportName, localName: e.localName });
  }
  return out;
}

/** The relative module specifiers a module imports, requires or re-exports. */
export function relativeSpecifiers(file: SourceFile): Array<{ specifier: string; reexport: boolean }> {
  const { Node: N } = tsMorph();
  const out: Array<{ specifier: string; reexport: boolean }> = [];
  for (const d of file.getImportDeclarations()) out.push({ specifier: d.getModuleSpecifierValue(), reexport: false });
  for (const d of file.getExportDeclarations()) {
    const s = d.getModuleSpecifierValue();
    if (s) out.push({ specifier: s, reexport: true });
  }
  file.forEachDescendant((n) => {
    if (N.isCallExpression(n) && n.getExpression().getText() === 'require') {
      const a = n.getArguments()[0];
      if (a && N.isStringLiteral(a)) out.push({ specifier: a.getLiteralValue(), reexport: false });
    }
  });
  return out.filter((s) => s.specifier.startsWith('.'));
}

/**
 * How a module uses an imported function: the number of calls that fit its role, and whether any other
 * reference exists (passed on, stored, re-exported), which makes the function's shape part of code the
 * run does not rewrite with it.
 */
export function callsOf(file: SourceFile, local: string, role: CrossRole, stringifies: boolean | undefined): { calls: number; other: boolean } {
  const { Node: N, SyntaxKind } = tsMorph();
  let calls = 0;
  let other = false;
  file.forEachDescendant((n) => {
    if (!N.isIdentifier(n) || n.getText() !== local) return;
    const parent = n.getParent();
    if (!parent) return;
    if (parent.isKind(SyntaxKind.ImportSpecifier) || parent.isKind(SyntaxKind.ImportClause) || parent.isKind(SyntaxKind.BindingElement)) return;
    // The definition and the module's own export of it.
    if ((N.isFunctionDeclaration(parent) || N.isVariableDeclaration(parent)) && parent.getNameNode() === n) return;
    if (parent.isKind(SyntaxKind.ExportSpecifier) || parent.isKind(SyntaxKind.ShorthandPropertyAssignment)) return;
    const assigned = N.isPropertyAssignment(parent) && parent.getInitializer() === n ? parent.getParent()?.getParent() : parent;
    if (assigned && N.isBinaryExpression(assigned) && /^(?:module\.)?exports\b/.test(assigned.getLeft().getText())) return;
    if (N.isPropertyAccessExpression(parent) && parent.getNameNode() === n) return;
    if ((N.isPropertyAssignment(parent) || N.isMethodDeclaration(parent)) && parent.getNameNode() === n) return;
    if (!N.isCallExpression(parent) || parent.getExpression() !== n) {
      other = true;
      return;
    }
    if (role === 'message-source') {
      if (parent.getParent()?.isKind(SyntaxKind.AwaitExpression)) calls++;
      else other = true;
      return;
    }
    if (role === 'input-builder') {
      if (inputBuilderCalls(file).some((c) => c.call === parent)) calls++;
      else other = true;
      return;
    }
    // A body builder: the call is the body of an InvokeModel input (inside JSON.stringify when it returns the object).
    let at: Node = parent;
    const up = at.getParent();
    if (!stringifies) {
      if (!up || !N.isCallExpression(up) || !isJsonStringify(up)) return void (other = true);
      at = up;
    }
    const prop = at.getParent();
    const input = prop?.getParent();
    if (prop && N.isPropertyAssignment(prop) && prop.getName() === 'body' && input && inputObjects(file).includes(input)) calls++;
    else other = true;
  });
  return { calls, other };
}

/** Whether the function's one body is a legacy Text Completions body (`prompt`). */
export function returnsPrompt(node: Node): boolean {
  const { Node: N } = tsMorph();
  let found = false;
  node.forEachDescendant((n) => {
    if (N.isPropertyAssignment(n) && n.getName() === 'prompt') found = true;
  });
  return found;
}
