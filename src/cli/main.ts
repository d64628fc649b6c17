import { Command, CommanderError, Option } from 'commander';
import { CODEMODS, CODEMOD_NAMES } from '../codemods/registry';
import type { OptionSpec } from '../engine/types';
import { CONFIG_FILE } from './config';
import { EXIT_FAILURE, EXIT_OK, runCommand, UsageError, version, type Io, type RunFlags } from './run';

const EXAMPLES = `
Examples:
  $ bedrock-claude-codemod src/                      preview every migration as a diff (writes nothing)
  $ bedrock-claude-codemod src/ --write              apply them
  $ bedrock-claude-codemod src/ --interactive        choose file by file (or hunk by hunk)
  $ bedrock-claude-codemod --only model-ids --target sonnet=anthropic.claude-sonnet-4-6 .
  $ bedrock-claude-codemod . --check --report migration.md    CI: exit 1 when something would change
  $ bedrock-claude-codemod detect src/               inventory of Claude call sites, IDs, tools
  $ bedrock-claude-codemod verify src/               type-check the migration before writing it
  $ bedrock-claude-codemod list                      codemods and the model catalog

Exit codes: 0 ok · 1 changes pending (--check) or new type errors (verify) · 2 failures (a file failed, bad usage,\ndirty tree) · 130 interrupted.
Settings can also live in ${CONFIG_FILE} (same names as the options). Docs: docs/cli.md`;

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** The commander option for a manifest option spec. */
function optionFor(spec: OptionSpec, codemod: string): Option {
  const defaultText = spec.default !== undefined && spec.kind !== 'boolean' ? ` (default: ${String(spec.default)})` : '';
  const option = new Option(spec.flag, `${spec.description}${defaultText}`).helpGroup(`Options of ${codemod}:`);
  if (spec.choices) option.choices(spec.choices);
  if (spec.kind === 'record') option.argParser(collect);
  return option;
}

/** Manifest option key → commander attribute name, for every codemod option. */
function manifestOptions(): Array<{ key: string; attribute: string; option: Option }> {
  const out: Array<{ key: string; attribute: string; option: Option }> = [];
  const seen = new Set<string>();
  for (const entry of CODEMODS) {
    for (const spec of entry.options) {
      if (seen.has(spec.flag)) continue;
      seen.add(spec.flag);
      const option = optionFor(spec, entry.name);
      out.push({ key: spec.key, attribute: option.attributeName(), option });
    }
  }
  return out;
}

function addRunOptions(cmd: Command): Array<{ key: string; attribute: string }> {
  cmd
    .option('-w, --write', 'write the changes (default: preview only, nothing is written)')
    .option('-i, --interactive', 'show each file\'s diff and ask: y(es) n(o) a(ll) q(uit) h(unk by hunk); answers may be piped on stdin')
    .option('--check', 'write nothing; exit 1 when any file would change (for CI)')
    .option('--allow-dirty', 'write even when the git tree has uncommitted changes under the paths')
    .option('--only <codemods>', `run only these codemods (comma-separated or repeated): ${CODEMOD_NAMES.join(', ')}`, collect)
    .option('--skip <codemods>', 'run every codemod except these (comma-separated or repeated)', collect)
    .option('--report <file.md>', 'also write a Markdown report for the pull request: summary, review checklist by behaviour change, prompt inventory, what was left alone, diffs')
    .option('--prompts <file.json>', 'also write the prompt inventory: every call site of the changed files with file:line, target model, system prompt, messages and parameters')
    .option('--json', 'print a JSON document (schema in docs/cli.md) instead of diffs and summary')
    .option('-c, --config <file>', `read settings from this file (default: ${CONFIG_FILE} in the current directory or above, up to the git root)`)
    .option('--no-config', 'ignore any config file')
    .option('-j, --jobs <n>', 'worker threads for parsing (default: one per CPU, at most 8; small runs use one)')
    .option('--ignore <pattern>', 'skip paths matching this gitignore-style pattern (repeatable)', collect)
    .option('--no-gitignore', 'do not read .gitignore files')
    .option('--max-file-size <size>', 'skip larger files, e.g. 500k, 2m (default: 2m)')
    .option('--file-timeout <seconds>', 'stop work on one file after this long and skip it (default: 60; 0: no limit)')
    .option('--codemod-module <file>', 'also run a local codemod module exporting { name, run(ctx) } (repeatable)', collect)
    .option('--trust-config', 'run the codemod modules named in a config file found in the tree (without it such a config stops the run)')
    .option('--verbose', 'list every unchanged file in the summary')
    .option('--color', 'force coloured output')
    .option('--no-color', 'no colours (also: NO_COLOR=1; colours are off when output is not a terminal)');
  const specs = manifestOptions();
  for (const s of specs) cmd.addOption(s.option);
  return specs;
}

function runFlags(opts: Record<string, unknown>, specs: Array<{ key: string; attribute: string }>): RunFlags {
  const codemodOptions: Record<string, unknown> = {};
  for (const s of specs) codemodOptions[s.key] = opts[s.attribute];
  return { ...(opts as Omit<RunFlags, 'codemodOptions'>), codemodOptions };
}

/** Builds the program. `run` receives each command's exit code. */
export function buildProgram(io: Io, done: (code: number) => void): Command {
  const program = new Command('bedrock-claude-codemod');
  program
    .description('Migrates JS/TS code that calls Claude on Amazon Bedrock (InvokeModel → Converse, model IDs, text editor tool, refusal stop reason). Previews every change as a diff; writes only with --write or --interactive.')
    .version(version(), '-V, --version')
    .argument('[paths...]', 'files, directories or quoted globs to migrate (default: the current directory)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions()
    .exitOverride()
    .addHelpText('after', EXAMPLES);
  const specs = addRunOptions(program);
  program.action(async (paths: string[], opts: Record<string, unknown>) => {
    done(await runCommand(paths, runFlags(opts, specs), io));
  });

  program
    .command('detect')
    .description('inventory without changes: Claude call sites (API, model, file:line), legacy model IDs, text editor tool usage, stop-reason handling, and the codemod that handles each')
    .argument('[paths...]', 'files and directories (default: the current directory)')
    .option('--json', 'print the inventory as JSON')
    .option('--ignore <pattern>', 'skip paths matching this gitignore-style pattern (repeatable)', collect)
    .option('--no-gitignore', 'do not read .gitignore files')
    .option('--no-color', 'no colours')
    .action(async (paths: string[], opts: Record<string, unknown>) => {
      const { detectCommand } = await import('../analysis/detect-command');
      done(await detectCommand(paths, opts, io));
    });

  const verify = program
    .command('verify')
    .description("type-checks the files the migration changes against the project's tsconfig, before and after, and reports only the diagnostics the migration introduces")
    .argument('[paths...]', 'files and directories (default: the current directory)')
    .option('-p, --project <tsconfig>', 'the tsconfig.json to check against (default: the nearest one above the current directory)')
    .option('--against <git-ref>', 'after --write: check the files changed since this commit (as they were there, and as they are now) instead of running the codemods')
    .option('--json', 'print the result as JSON')
    .option('--only <codemods>', 'verify only these codemods (comma-separated or repeated)', collect)
    .option('--skip <codemods>', 'verify every codemod except these', collect)
    .option('-c, --config <file>', `read settings from this file (default: ${CONFIG_FILE})`)
    .option('--no-config', 'ignore any config file')
    .option('--ignore <pattern>', 'skip paths matching this gitignore-style pattern (repeatable)', collect)
    .option('--no-gitignore', 'do not read .gitignore files')
    .option('--codemod-module <file>', 'also run a local codemod module exporting { name, run(ctx) } (repeatable)', collect)
    .option('--trust-config', 'run the codemod modules named in a config file found in the tree')
    .option('--no-color', 'no colours');
  const verifySpecs = manifestOptions();
  for (const s of verifySpecs) verify.addOption(s.option);
  verify.action(async (paths: string[], opts: Record<string, unknown>) => {
    const { verifyCommand } = await import('../analysis/verify-command');
    done(await verifyCommand(paths, runFlags(opts, verifySpecs), opts.project as string | undefined, io, opts.against as string | undefined));
  });

  program
    .command('list')
    .description('the codemods (from the manifest, in the order `all` runs them) and the Claude model catalog with lifecycle status')
    .option('--json', 'print as JSON')
    .option('--no-color', 'no colours')
    .action(async (opts: Record<string, unknown>) => {
      const { listCommand } = await import('../analysis/list-command');
      done(listCommand(opts, io));
    });

  return program;
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT_OK : EXIT_FAILURE;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`bedrock-claude-codemod: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    if (error instanceof Error && /^(unknown codemod|codemod module|--)/.test(error.message)) {
      io.stderr.write(`bedrock-claude-codemod: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    io.stderr.write(`bedrock-claude-codemod: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
  return code;
}

if (require.main === module) {
  void main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then((code) => {
    process.exitCode = code;
  });
}
