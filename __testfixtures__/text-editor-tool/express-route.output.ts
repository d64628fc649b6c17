import express from 'express';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const EDITOR_TOOL_NAME = 'str_replace_based_edit_tool';
const EDITOR_TOOL_TYPE = 'text_editor_20250728';

const bedrock = new BedrockRuntimeClient({ region: 'eu-west-1' });
export const router = express.Router();

interface ContentBlock {
  type: string;
  name?: string;
  text?: string;
}

router.post('/agent/step', async (req, res) => {
  const command = new InvokeModelCommand({
    modelId: 'eu.anthropic.claude-sonnet-4-20250514-v1:0',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 1024,
      tools: [{ type: EDITOR_TOOL_TYPE, name: EDITOR_TOOL_NAME }],
      messages: req.body.messages,
    }),
  });
  const output = await bedrock.send(command);
  const parsed = JSON.parse(new TextDecoder().decode(output.body)) as { content: ContentBlock[] };
  const calls = parsed.content.filter((block) => block.type === 'tool_use');
  for (const call of calls) {
    switch (call.name) {
      case EDITOR_TOOL_NAME:
        res.locals.edits = (res.locals.edits ?? 0) + 1;
        break;
      default:
        res.status(400).json({ error: `unexpected tool ${call.name}` });
        return;
    }
  }
  res.json(parsed);
});
