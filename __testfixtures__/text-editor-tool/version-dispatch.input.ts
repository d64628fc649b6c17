// A library that supports every version of the text editor tool its callers may ask for: each version keeps
// its own definition, so nothing here is migrated.
type EditorVersion = "2025-01-24" | "2025-07-28";

export function textEditorTool(version: EditorVersion) {
  switch (version) {
    case "2025-01-24":
      return { type: "text_editor_20250124", name: "str_replace_editor" };
    case "2025-07-28":
      return { type: "text_editor_20250728", name: "str_replace_based_edit_tool" };
  }
}

export function isTextEditorType(type: string): boolean {
  return type === "text_editor_20250124" || type === "text_editor_20250728";
}
