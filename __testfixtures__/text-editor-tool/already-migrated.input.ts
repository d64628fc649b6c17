import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import type { ToolTextEditor20250728 } from '@anthropic-ai/sdk/resources/messages';

const client = new AnthropicBedrock({ awsRegion: 'us-east-1' });

const editor: ToolTextEditor20250728 = {
  type: 'text_editor_20250728',
  name: 'str_replace_based_edit_tool',
  max_characters: 20000,
};

type Command = 'view' | 'create' | 'str_replace' | 'insert';

export function describe(command: Command): string {
  switch (command) {
    case 'view':
      return 'read a file';
    case 'create':
      return 'write a new file';
    case 'str_replace':
      return 'replace text';
    case 'insert':
      return 'insert text';
  }
}

export async function ask(prompt: string) {
  const message = await client.messages.create({
    model: 'global.anthropic.claude-sonnet-4-6',
    max_tokens: 1024,
    tools: [editor],
    messages: [{ role: 'user', content: prompt }],
  });
  return message.content.filter((b) => b.type === 'tool_use' && b.name === 'str_replace_based_edit_tool');
}

declare function loadConversation(id: string): Promise<Array<{ role: 'user' | 'assistant'; content: string }>>;

export async function resume(id: string) {
  const saved = await loadConversation(id);
  return client.messages.create({
    model: 'global.anthropic.claude-sonnet-4-6',
    max_tokens: 1024,
    tools: [editor],
    messages: saved,
  });
}
