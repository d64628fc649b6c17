// Facts about the Anthropic-defined tools, from the API reference §6 (text editor, bash, computer use)
// and §8 (beta flags to drop when moving to Claude 4). Nothing here comes from memory.

/**
 * The current text editor tool: "Claude 4 and later models" (§6a). In Converse requests these tools are
 * rewritten where the code already puts them (`additionalModelRequestFields.tools`); whether Bedrock
 * honours them there is open in the reference (§6d, open item 3) [uncertain].
 */
export const NEW_EDITOR_TYPE = 'text_editor_20250728';
export const NEW_EDITOR_NAME = 'str_replace_based_edit_tool';

/**
 * Text editor versions whose name is `str_replace_editor` and which still have `undo_edit` (§6a).
 * AWS's tool table prints `str_replace_based_edit_tool` for text_editor_20250124, against Anthropic's SDK;
 * the reference takes the AWS row for a documentation error [uncertain]. Either name ends up as the new one.
 */
export const OLD_EDITOR_TYPES: ReadonlySet<string> = new Set(['text_editor_20241022', 'text_editor_20250124']);
export const OLD_EDITOR_NAME = 'str_replace_editor';

/** Any text editor type, old or new (used to tell whether a file handles the text editor tool). */
export const EDITOR_TYPE_PATTERN = /^text_editor_\d{8}$/;

/** The command the Claude 4 text editor no longer has, and the ones it keeps (§6a). */
export const UNDO_COMMAND = 'undo_edit';
export const EDITOR_COMMANDS: ReadonlySet<string> = new Set(['view', 'create', 'str_replace', 'insert']);

/** bash_20241022 was Claude 3.5 Sonnet v2 only; bash_20250124 serves every current model (§6b). */
export const BASH_RENAMES: Readonly<Record<string, string>> = { bash_20241022: 'bash_20250124' };

export type ComputerVersion = 'computer_20241022' | 'computer_20250124' | 'computer_20251124';

/** The beta flag each computer tool version needs (§6c). */
export const COMPUTER_FLAGS: Readonly<Record<ComputerVersion, string>> = {
  computer_20241022: 'computer-use-2024-10-22',
  computer_20250124: 'computer-use-2025-01-24',
  computer_20251124: 'computer-use-2025-11-24',
};

export const BASH_TYPE_PATTERN = /^bash_\d{8}$/;

/**
 * computer_20241022 was Claude 3.5 Sonnet v2 only; that model's documented replacement is Sonnet 4.6
 * (§7b), which takes computer_20251124. So when the request's model cannot be read, the tool moves to
 * computer_20251124 and a marker says that Sonnet 4 / 4.5, Haiku 4.5 and Opus 4 / 4.1 need computer_20250124.
 */
export const DEFAULT_COMPUTER: ComputerVersion = 'computer_20251124';

/** Beta flags that only Claude 3.7 used and Claude 4 ignores: drop them (§8). */
export const DROPPED_FLAGS: ReadonlySet<string> = new Set(['token-efficient-tools-2025-02-19', 'output-128k-2025-02-19']);

export const COMPUTER_FLAG_PATTERN = /^computer-use-\d{4}-\d{2}-\d{2}$/;

/** The shape of an Anthropic beta flag (`name-YYYY-MM-DD`). */
export const BETA_FLAG_PATTERN = /^[a-z][a-z0-9-]*-\d{4}-\d{2}-\d{2}$/;

/**
 * @anthropic-ai/sdk type names that follow the tool versions. The new names exist in the SDK the
 * reference read (1.12.0); the codemod still checks the SDK installed next to the file before using them.
 */
export const SDK_TYPE_RENAMES: Readonly<Record<string, string>> = {
  BetaToolTextEditor20241022: 'BetaToolTextEditor20250728',
  BetaToolTextEditor20250124: 'BetaToolTextEditor20250728',
  ToolTextEditor20250124: 'ToolTextEditor20250728',
  BetaToolBash20241022: 'BetaToolBash20250124',
};

/** The SDK type of each computer tool version (beta namespace only). */
export const COMPUTER_SDK_TYPES: Readonly<Record<ComputerVersion, string>> = {
  computer_20241022: 'BetaToolComputerUse20241022',
  computer_20250124: 'BetaToolComputerUse20250124',
  computer_20251124: 'BetaToolComputerUse20251124',
};
