const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");
const fs = require("node:fs/promises");

const client = new BedrockRuntimeClient({ region: "us-west-2" });

const history = new Map();

async function runEditorCommand(input) {
  switch (input.command) {
    case "view":
      return fs.readFile(input.path, "utf8");
    case "create":
      await fs.writeFile(input.path, input.file_text);
      return "created";
    case "str_replace": {
      const before = await fs.readFile(input.path, "utf8");
      history.set(input.path, before);
      await fs.writeFile(input.path, before.replace(input.old_str, input.new_str));
      return "replaced";
    }
    case "undo_edit": {
      const previous = history.get(input.path);
      if (previous === undefined) return "nothing to undo";
      await fs.writeFile(input.path, previous);
      return "undone";
    }
    default:
      return `unknown command ${input.command}`;
  }
}

async function step(messages) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        anthropic_beta: ["token-efficient-tools-2025-02-19"],
        max_tokens: 2048,
        tools: [{ type: "text_editor_20250124", name: "str_replace_editor" }],
        messages,
      }),
    })
  );
  const message = JSON.parse(Buffer.from(response.body).toString("utf8"));
  switch (message.stop_reason) {
    case "tool_use":
      for (const block of message.content) {
        if (block.type === "tool_use" && block.name === "str_replace_editor") {
          await runEditorCommand(block.input);
        }
      }
      return "continue";
    case "end_turn":
      return "done";
    default:
      return "stopped";
  }
}

module.exports = { step, runEditorCommand };
