const { BedrockRuntimeClient, InvokeModelCommand } = await import('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({});
const modelId = process.env.CLAUDE_MODEL_ID;

// TODO(bedrock-claude-codemod): computer_20241022 became computer_20251124, which Opus 4.5+ and Sonnet 4.6+ accept: check the model
const computerTool = {
  type: 'computer_20251124',
  name: 'computer',
  display_width_px: 1440,
  display_height_px: 900,
};
const editorTool = { type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' };
const bashTool = { type: 'bash_20250124', name: 'bash' };

export async function desktopStep(messages) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId,
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        anthropic_beta: ['computer-use-2025-11-24'],
        max_tokens: 4096,
        tools: [computerTool, editorTool, bashTool],
        messages,
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body));
}

export function isLegacyTool(tool) {
  return ['text_editor_20241022', 'bash_20241022', 'computer_20241022'].includes(tool.type);
}
