import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import { readFile } from 'node:fs/promises';
import type { MessageParam, ToolTextEditor20250728 } from '@anthropic-ai/sdk/resources/messages';

const client = new AnthropicBedrock();

const SYSTEM_PROMPT =
  'You are a careful refactoring assistant. Use the str_replace_editor tool to change files, one edit at a time.';

const editorTool: ToolTextEditor20250728 = { type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' };

// A worked example shown to the model before the real task.
const EXAMPLE: MessageParam[] = [
  { role: 'user', content: 'Rename the variable foo to bar in src/a.ts' },
  {
    role: 'assistant',
    content: [
      {
        type: 'tool_use',
        id: 'toolu_example_1',
        name: 'str_replace_based_edit_tool',
        input: { command: 'str_replace', path: 'src/a.ts', old_str: 'const foo', new_str: 'const bar' },
      },
    ],
  },
  {
    role: 'user',
    content: [{ type: 'tool_result', tool_use_id: 'toolu_example_1', content: 'The file src/a.ts has been edited.' }],
  },
];

export async function refactor(task: string, history: MessageParam[]) {
  const message = await client.messages.create({
    model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    max_tokens: 2048,
    system: SYSTEM_PROMPT,
    tools: [editorTool],
    messages: [...EXAMPLE, ...history, { role: 'user', content: task }],
  });
  return message.content.filter((block) => block.type === 'tool_use' && block.name === 'str_replace_based_edit_tool');
}

async function loadConversation(sessionId: string): Promise<MessageParam[]> {
  return JSON.parse(await readFile(`sessions/${sessionId}.json`, 'utf8')) as MessageParam[];
}

/** Resumes a session saved by an earlier version of the agent. */
export async function resume(sessionId: string, task: string) {
  const saved = await loadConversation(sessionId);
  // TODO(bedrock-claude-codemod): a stored conversation may hold tool_use blocks named str_replace_editor: rename them where it is loaded
  return client.messages.create({
    model: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    max_tokens: 2048,
    tools: [editorTool],
    messages: [...saved, { role: 'user', content: task }],
  });
}
