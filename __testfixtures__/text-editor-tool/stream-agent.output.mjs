import * as Bedrock from '@aws-sdk/client-bedrock-runtime';

const client = new Bedrock.BedrockRuntimeClient({ region: 'us-east-1' });
const decoder = new TextDecoder();

const EDITOR_TOOL = { type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' };

/** Streams one turn and collects the editor calls as they arrive. */
export async function streamTurn(messages, onText) {
  const response = await client.send(
    new Bedrock.InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        anthropic_beta: ['computer-use-2025-01-24'],
        max_tokens: 64000,
        tools: [EDITOR_TOOL],
        messages,
      }),
    }),
  );
  const calls = [];
  let current = null;
  for await (const event of response.body) {
    const chunk = JSON.parse(decoder.decode(event.chunk.bytes));
    if (chunk.type === 'content_block_start' && chunk.content_block.type === 'tool_use') {
      current = chunk.content_block.name === 'str_replace_based_edit_tool' ? { id: chunk.content_block.id, json: '' } : null;
    } else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'input_json_delta' && current) {
      current.json += chunk.delta.partial_json;
    } else if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
      onText(chunk.delta.text);
    } else if (chunk.type === 'content_block_stop' && current) {
      calls.push({ id: current.id, input: JSON.parse(current.json) });
      current = null;
    }
  }
  // TODO(bedrock-claude-codemod): undo_edit no longer exists in text_editor_20250728 (Claude 4); this use was left as it is: remove it by hand
  return calls.filter((call) => call.input.command !== 'undo_edit');
}
