import type { ToolResultBlockParam, ToolUseBlock } from "@anthropic-ai/sdk/resources/messages";

type Executor = (input: unknown) => Promise<string>;

export class ToolRouter {
  private readonly executors = new Map<string, Executor>([
    ["str_replace_editor", async (input) => `edited: ${JSON.stringify(input)}`],
    ["bash", async () => "bash is disabled"],
  ]);

  async route(block: ToolUseBlock): Promise<ToolResultBlockParam> {
    switch (block.name) {
      case "str_replace_editor":
      case "bash": {
        const run = this.executors.get(block.name)!;
        return { type: "tool_result", tool_use_id: block.id, content: await run(block.input) };
      }
      default:
        return { type: "tool_result", tool_use_id: block.id, content: `unknown tool ${block.name}`, is_error: true };
    }
  }

  has(name: string): boolean {
    return name === "str_replace_editor" || this.executors.has(name);
  }
}
