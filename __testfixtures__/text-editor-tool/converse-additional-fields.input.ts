import { BedrockRuntimeClient, ConverseCommand, type Message } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

// Anthropic-defined tools cannot be written as toolSpec; they go through the extra request fields.
const EDITOR = { type: 'text_editor_20241022', name: 'str_replace_editor' } as const;

export async function converseWithEditor(messages: Message[]) {
  const response = await client.send(
    new ConverseCommand({
      modelId: 'global.anthropic.claude-opus-4-5-20251101-v1:0',
      messages,
      inferenceConfig: { maxTokens: 2048 },
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: 'run_tests',
              description: 'Runs the unit tests of the repository',
              inputSchema: { json: { type: 'object', properties: {} } },
            },
          },
        ],
      },
      additionalModelRequestFields: {
        tools: [EDITOR],
        anthropic_beta: ['computer-use-2024-10-22'],
      },
    }),
  );
  const content = response.output?.message?.content ?? [];
  return content.filter((block) => block.toolUse?.name === 'str_replace_editor');
}
