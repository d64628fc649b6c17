import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { readFile, writeFile } from 'node:fs/promises';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const MODEL_ID = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';

interface ToolUse {
  type: 'tool_use';
  id: string;
  name: string;
  input: Record<string, unknown>;
}

type Block = { type: 'text'; text: string } | ToolUse;

async function applyEdit(input: Record<string, unknown>): Promise<string> {
  const file = String(input.path);
  if (input.command === 'view') return readFile(file, 'utf8');
  if (input.command === 'create') {
    await writeFile(file, String(input.file_text ?? ''));
    return 'created';
  }
  if (input.command === 'str_replace') {
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(String(input.old_str), String(input.new_str ?? '')));
    return 'replaced';
  }
  return `unsupported command ${String(input.command)}`;
}

export async function editRepository(task: string): Promise<string> {
  const messages: Array<{ role: 'user' | 'assistant'; content: unknown }> = [{ role: 'user', content: task }];
  for (let turn = 0; turn < 10; turn++) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: MODEL_ID,
        contentType: 'application/json',
        accept: 'application/json',
        body: JSON.stringify({
          anthropic_version: 'bedrock-2023-05-31',
          anthropic_beta: ['computer-use-2025-01-24'],
          max_tokens: 4096,
          tools: [
            { type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' },
            { type: 'bash_20250124', name: 'bash' },
          ],
          messages,
        }),
      }),
    );
    const body = JSON.parse(new TextDecoder().decode(response.body)) as { content: Block[]; stop_reason: string };
    messages.push({ role: 'assistant', content: body.content });
    if (body.stop_reason !== 'tool_use') {
      return body.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    }
    const results = [];
    for (const block of body.content) {
      if (block.type !== 'tool_use') continue;
      if (block.name === 'str_replace_based_edit_tool') {
        results.push({ type: 'tool_result', tool_use_id: block.id, content: await applyEdit(block.input) });
      } else if (block.name === 'bash') {
        results.push({ type: 'tool_result', tool_use_id: block.id, content: 'bash is disabled here', is_error: true });
      }
    }
    messages.push({ role: 'user', content: results });
  }
  throw new Error('Too many turns');
}
