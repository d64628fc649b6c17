import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

// Replays an agent trace recorded with Claude 3.7 Sonnet for the regression suite.
// bedrock-claude-codemod-ignore
const LEGACY_TOOLS = [{ type: 'text_editor_20250124', name: 'str_replace_editor' }];

const TOOLS = [{ type: 'text_editor_20250124', name: 'str_replace_editor' }];

export async function replay(messages: unknown[], legacy: boolean) {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: legacy ? 'us.anthropic.claude-3-7-sonnet-20250219-v1:0' : 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 1000,
        tools: legacy ? LEGACY_TOOLS : TOOLS,
        messages,
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(res.body));
}
