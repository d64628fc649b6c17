import type { Codemod, CodemodManifestEntry, TextCodemod } from '../engine/types';
import { REFUSAL_POLICIES } from '../engine/options';
import { APIS, apiFor } from './invoke-to-messages/select';
import { parseThinkingSetting, THINKING_CHOICES } from './thinking/setting';

/**
 * Codemod modules handed over by whoever runs from the TypeScript sources (the test set-up), where
 * `require` cannot read a `.ts` file; keyed by their path relative to this directory.
 */
const provided = new Map<string, unknown>();

/** Makes `modules` (path relative to src/codemods → the module's default export) what the manifest loads. */
export function provideCodemodModules(modules: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(modules)) provided.set(key, value);
}

/**
 * The default export of a codemod module, required on first use: the manifest holds names, options and
 * pre-filters only, so the CLI's thread loads no codemod code unless it transforms a file itself (the
 * worker threads load what they run).
 */
function code<T extends Codemod | TextCodemod>(module: string): () => T {
  let loaded: T | undefined;
  return () => {
    if (loaded) return loaded;
    const given = provided.get(module);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = (given ?? (require(`./${module}`) as { default: T }).default) as T;
    return loaded;
  };
}

/**
 * The one manifest of codemods. Its order is the order `all` runs them in on one tree:
 * model IDs first (plain strings), then tool versions, then the API shape, then the
 * stop-reason handling, which must see the final (Converse or InvokeModel) shape.
 * The CLI help, the `all` preset and the README table are made from this list.
 */
export const CODEMODS: readonly CodemodManifestEntry[] = [
  {
    name: 'model-ids',
    summary: 'Legacy, deprecated and retired Claude model IDs → current ones, in every ID form; fixes request parameters the target rejects.',
    mentions: ['anthropic.claude', 'claude-'],
    options: [
      { key: 'targets', flag: '--target <family=id>', kind: 'record', description: 'target model per family (sonnet, haiku, opus, instant, v2) or per exact legacy ID; repeatable' },
      { key: 'profile', flag: '--profile <prefix>', kind: 'string', default: 'global', description: 'inference-profile prefix (global, us, eu, apac, jp, au, us-gov) for base IDs whose target needs a profile; none keeps base IDs' },
      { key: 'seedTargets', flag: '--seed-targets', kind: 'boolean', default: false, description: 'Sonnet models older than Sonnet 4 → exactly anthropic.claude-sonnet-4-20250514-v1:0 (deprecated); newer Sonnets and other families unchanged' },
    ],
    load: code<Codemod>('model-ids'),
    loadText: code<TextCodemod>('model-ids/config-files'),
  },
  {
    name: 'text-editor-tool',
    summary: 'Text editor tool → text_editor_20250728 / str_replace_based_edit_tool; removes undo_edit handling; moves companion tools and beta flags.',
    mentions: ['text_editor_', 'str_replace_editor', 'undo_edit'],
    options: [
      { key: 'computerTool', flag: '--computer-tool <version>', kind: 'string', choices: ['computer_20251124', 'computer_20250124'], default: 'computer_20251124', description: 'computer tool version for computer_20241022 when the request does not name its model' },
    ],
    load: code<Codemod>('text-editor-tool'),
  },
  {
    name: 'invoke-to-converse',
    summary: 'InvokeModel with an Anthropic Messages (or Text Completions) body → Converse, with the response handling after it.',
    mentions: ['InvokeModel', 'invokeModel'],
    // Its sites are `new InvokeModelCommand(…)` (under any local name, the import spells it) and
    // `x.invokeModel(…)`: a file with only InvokeModelWithResponseStream in it has none.
    requires: /InvokeModelCommand|invokeModel(?![\w$])/,
    options: [
      {
        key: 'boundaries',
        flag: '--boundaries <mode>',
        kind: 'string',
        choices: ['convert', 'mark'],
        default: 'convert',
        description: 'Anthropic-shaped data from or to code the run cannot rewrite: convert (a typed helper at that point) or mark (keep the call, with a marker)',
      },
    ],
    enabled: (options, file) => apiFor(options, file) === 'converse',
    load: code<Codemod>('invoke-to-converse'),
  },
  {
    name: 'converse-stream',
    summary: 'InvokeModelWithResponseStream and its chunk loop → ConverseStream and its stream events.',
    mentions: ['InvokeModelWithResponseStream', 'invokeModelWithResponseStream'],
    // It starts from the file's imports of the runtime module (none: nothing to do).
    requires: /@aws-sdk\/client-bedrock-runtime/,
    options: [],
    enabled: (options, file) => apiFor(options, file) === 'converse',
    load: code<Codemod>('converse-stream'),
  },
  {
    name: 'invoke-to-messages',
    summary: 'With --api messages: InvokeModel and InvokeModelWithResponseStream → the Messages API on Bedrock (AnthropicBedrockMantle messages.create), keeping Anthropic shapes.',
    mentions: ['InvokeModel', 'invokeModel'],
    options: [
      { key: 'api', flag: '--api <api>', kind: 'string', choices: APIS, default: 'converse', description: 'where InvokeModel calls go: converse (ConverseCommand, ConverseStreamCommand) or messages (AnthropicBedrockMantle, Messages API)' },
      { key: 'apiPaths', flag: '--api-path <glob=api>', kind: 'record', description: 'the destination for files matching a gitignore-style glob (relative to the current directory, or in the config file to its directory); repeatable' },
    ],
    enabled: (options, file) => apiFor(options, file) === 'messages',
    load: code<Codemod>('invoke-to-messages'),
  },
  {
    name: 'thinking',
    summary: 'Opt-in extended thinking (--thinking) in the form each target accepts; responses read the first text block, streams skip thinking deltas.',
    mentions: ['InvokeModel', 'invokeModel', 'Converse', 'converse', 'bedrock-sdk'],
    // Opt-in: with --thinking off it has nothing to do (an invalid setting still reaches it, to be reported).
    enabled: (options) => {
      try {
        return parseThinkingSetting(options.thinking) !== 'off';
      } catch {
        return true;
      }
    },
    options: [
      { key: 'thinking', flag: '--thinking <mode>', kind: 'string', default: 'off', description: `extended thinking: ${THINKING_CHOICES} (a budget in tokens, at least 1024); default off; thinking tokens are billed as output tokens` },
    ],
    load: code<Codemod>('thinking'),
  },
  {
    name: 'refusal-stop-reason',
    summary: "Adds handling of Claude 4's refusal stop reason where code branches on the stop reason or reads text unchecked.",
    // Text read with no stop-reason check at all is handled too, so any Bedrock/Anthropic client file is a
    // candidate, and only those: the codemod leaves files that import none of these modules alone.
    mentions: ['@aws-sdk/client-bedrock-runtime', '@anthropic-ai/bedrock-sdk', '@anthropic-ai/sdk'],
    options: [
      { key: 'refusal', flag: '--refusal <policy>', kind: 'string', choices: REFUSAL_POLICIES, default: 'throw', description: 'what inserted refusal handling does: throw, return-null, handler, marker' },
      { key: 'refusalHandler', flag: '--refusal-handler <name>', kind: 'string', default: 'handleRefusal', description: 'function the handler policy calls' },
    ],
    load: code<Codemod>('refusal-stop-reason'),
  },
];

export const CODEMOD_NAMES: readonly string[] = CODEMODS.map((c) => c.name);

/** Manifest entries for the given names (or all), in manifest order; an unknown name is an error. */
export function selectCodemods(names?: readonly string[], skip: readonly string[] = []): CodemodManifestEntry[] {
  for (const name of [...(names ?? []), ...skip]) {
    if (!CODEMOD_NAMES.includes(name)) {
      throw new Error(`unknown codemod "${name}"; known: ${CODEMOD_NAMES.join(', ')}`);
    }
  }
  if (!names || names.length === 0) return CODEMODS.filter((c) => !skip.includes(c.name));
  // A codemod named explicitly runs whatever its `enabled` predicate says.
  return CODEMODS.filter((c) => names.includes(c.name) && !skip.includes(c.name)).map(({ enabled: _enabled, ...c }) => c);
}
