// A provider SDK's definition of one text editor version, keyed by its tool ID: the schema of that version
// (undo_edit included) stays as the version defines it.
type ToolFactory<T> = { id: string; inputSchema: T };

function defineTool<T>(id: string, inputSchema: T): ToolFactory<T> {
  return { id, inputSchema };
}

export const textEditor_20241022 = defineTool("anthropic.text_editor_20241022", {
  command: ["view", "create", "str_replace", "insert", "undo_edit"],
  path: "string",
});
