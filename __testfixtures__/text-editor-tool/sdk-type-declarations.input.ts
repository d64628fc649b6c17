// Type declarations of the tool versions, as an SDK ships them: data about the tools, not a request.
export interface CacheControlEphemeral {
  type: 'ephemeral';
}

export interface ToolBash20241022 {
  /**
   * Name of the tool.
   */
  name: 'bash';

  type: 'bash_20241022';

  cache_control?: CacheControlEphemeral | null;
}

export interface ToolComputerUse20241022 {
  display_height_px: number;

  display_width_px: number;

  name: 'computer';

  type: 'computer_20241022';
}

export interface ToolTextEditor20250124 {
  /**
   * Name of the tool.
   *
   * This is how the tool will be called by the model and in `tool_use` blocks.
   */
  name: 'str_replace_editor';

  type: 'text_editor_20250124';

  cache_control?: CacheControlEphemeral | null;
}

export type TextEditorCommand = 'view' | 'create' | 'str_replace' | 'insert' | 'undo_edit';

export type ToolUnion = ToolBash20241022 | ToolComputerUse20241022 | ToolTextEditor20250124;
