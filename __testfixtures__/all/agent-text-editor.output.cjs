const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");
const fs = require("node:fs/promises");

const client = new BedrockRuntimeClient({ region: "us-west-2" });

// TODO(bedrock-claude-codemod): undo code still used in this file; text_editor_20250728 has no undo_edit: keep it or remove it by hand
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
    default:
      return `unknown command ${input.command}`;
  }
}

async function step(messages) {
  // TODO(bedrock-claude-codemod): InvokeModel call kept: tools: Anthropic-defined tool "text_editor_20250728" has no Converse toolSpec
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "us.anthropic.claude-sonnet-4-6",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 2048,
        tools: [{ type: "text_editor_20250728", name: "str_replace_based_edit_tool" }],
        messages,
      }),
    })
  );
  const message = JSON.parse(Buffer.from(response.body).toString("utf8"));
  switch (message.stop_reason) {
    case "tool_use":
      for (const block of message.content) {
        if (block.type === "tool_use" && block.name === "str_replace_based_edit_tool") {
          await runEditorCommand(block.input);
        }
      }
      return "continue";
    case "end_turn":
      return "done";
    case "refusal":
      throw new Error(
        "Claude refused the request (stop reason: refusal, model: us.anthropic.claude-sonnet-4-6)",
      );
    default:
      return "stopped";
  }
}

module.exports = { step, runEditorCommand };
