import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-west-2' });

// The type was updated by hand; the name and the dispatch were not.
const TOOLS = [{ type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' }];

interface Block {
  type: string;
  id: string;
  name: string;
  input: { command: string; path: string };
}

// Old conversations stored in the database still call the tool by its old name.
export function isEditorCall(block: Block): boolean {
  return block.name === 'str_replace_editor' || block.name === 'str_replace_based_edit_tool';
}

export async function run(messages: unknown[]): Promise<Block[]> {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: 'global.anthropic.claude-haiku-4-5-20251001-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 800, tools: TOOLS, messages }),
    }),
  );
  const body = JSON.parse(new TextDecoder().decode(res.body)) as { content: Block[] };
  return body.content.filter((block) => block.type === 'tool_use' && block.name === 'str_replace_based_edit_tool');
}
