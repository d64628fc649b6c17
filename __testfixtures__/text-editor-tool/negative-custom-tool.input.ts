import { BedrockRuntimeClient, ConverseCommand, type Message } from '@aws-sdk/client-bedrock-runtime';

// Our own file tool for models without Anthropic-defined tools: it keeps the old name and command set.
const FILE_TOOL = {
  toolSpec: {
    name: 'str_replace_editor',
    description: 'View and edit files in the sandbox',
    inputSchema: {
      json: {
        type: 'object',
        properties: {
          command: { type: 'string', enum: ['view', 'create', 'str_replace', 'insert', 'undo_edit'] },
          path: { type: 'string' },
        },
        required: ['command', 'path'],
      },
    },
  },
};

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function step(messages: Message[]) {
  const out = await client.send(
    new ConverseCommand({
      modelId: 'amazon.nova-pro-v1:0',
      messages,
      toolConfig: { tools: [FILE_TOOL] },
    }),
  );
  return out.output?.message?.content?.find((b) => b.toolUse?.name === 'str_replace_editor');
}

export function isUndo(command: string): boolean {
  switch (command) {
    case 'undo_edit':
      return true;
    case 'view':
    case 'create':
    case 'str_replace':
    case 'insert':
      return false;
    default:
      return false;
  }
}
