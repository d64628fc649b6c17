'use strict';
/**
 * Type check for the corpus: a changed TypeScript file is checked twice the same way, in memory — its input and its
 * output at the input's path, so relative imports reach the same corpus files — and the output's errors are compared
 * with the input's. The corpus packages' own dependencies are not installed, so inputs have errors too (missing
 * modules, the implicit anys that follow): an output error counts as new when its code and message text (line numbers
 * aside) are not among the input's. Bare imports the corpus cannot resolve are resolved from this project's
 * node_modules, which holds @aws-sdk/client-bedrock-runtime and @anthropic-ai/bedrock-sdk with their types.
 */
const path = require('node:path');
const ts = require('typescript');

const TYPESCRIPT = /\.(?:[cm]?ts|tsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/** Whether the file is TypeScript source (declaration files are not checked). */
function isTypeScript(file) {
  return TYPESCRIPT.test(file) && !DECLARATION.test(file);
}

function options(root) {
  return {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    esModuleInterop: true,
    resolveJsonModule: true,
    allowImportingTsExtensions: true,
    types: ['node'],
    typeRoots: [path.join(root, 'node_modules', '@types')],
  };
}

/**
 * A checker for one project root. Source files read from disk (lib files, SDK declarations, corpus neighbours) are
 * parsed once and shared by every program; the file under check is always parsed from the text given.
 */
function createChecker(root) {
  const compilerOptions = options(root);
  const base = ts.createCompilerHost(compilerOptions, true);
  const parsed = new Map();
  const fallbackFrom = path.join(root, '__corpus__.ts');
  const cache = ts.createModuleResolutionCache(root, (f) => f, compilerOptions);
  let last;

  function check(file, text) {
    const host = {
      ...base,
      getCurrentDirectory: () => root,
      fileExists: (f) => f === file || base.fileExists(f),
      readFile: (f) => (f === file ? text : base.readFile(f)),
      getSourceFile(fileName, languageVersion, onError) {
        if (fileName === file) return ts.createSourceFile(fileName, text, languageVersion, true);
        if (!parsed.has(fileName)) parsed.set(fileName, base.getSourceFile(fileName, languageVersion, onError));
        return parsed.get(fileName);
      },
      resolveModuleNameLiterals(literals, containingFile, redirected, opts) {
        return literals.map((literal) => {
          const name = literal.text;
          const own = ts.resolveModuleName(name, containingFile, opts, host, cache, redirected);
          if (own.resolvedModule || name.startsWith('.') || path.isAbsolute(name)) return own;
          const project = ts.resolveModuleName(name, fallbackFrom, opts, host, cache);
          return project.resolvedModule ? project : own;
        });
      },
    };
    // The previous program lends its parsed files and module resolutions to the next one.
    const program = ts.createProgram({ rootNames: [file], options: compilerOptions, host, oldProgram: last });
    last = program;
    const sf = program.getSourceFile(file);
    const all = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    return all
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => ({
        code: d.code,
        message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
        line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
      }));
  }
  return { check };
}

const key = (d) => `TS${d.code}: ${d.message}`;

/**
 * Checks every changed TypeScript file of a run (`results`: the runner's per-file results) and returns one entry per
 * file checked: the error counts of input and output and the output's errors not found in the input.
 */
const checkers = new Map();

function typeCheckChanged(results, root) {
  if (!checkers.has(root)) checkers.set(root, createChecker(root));
  const checker = checkers.get(root);
  const checked = [];
  for (const r of results) {
    if (r.status !== 'changed' || !isTypeScript(r.file)) continue;
    const before = checker.check(r.file, r.original);
    const after = checker.check(r.file, r.output);
    const known = new Set(before.map(key));
    const fresh = after.filter((d) => !known.has(key(d)));
    checked.push({ file: r.file, inputErrors: before.length, outputErrors: after.length, fresh });
  }
  return checked;
}

/** One line for a new diagnostic: where it stands in the output and what it says. */
function describe(d) {
  return `line ${d.line}: TS${d.code} ${d.message}`;
}

module.exports = { typeCheckChanged, isTypeScript, describe };
