'use strict';

const { BedrockRuntime } = require('@aws-sdk/client-bedrock-runtime');
const editor = require('./editor');
const shell = require('./shell');

const bedrock = new BedrockRuntime({ region: process.env.AWS_REGION });

const TOOLS = [
  { type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' },
  { type: 'bash_20250124', name: 'bash' },
];

// Tool executors keyed by the name Claude calls them with.
const executors = {
  str_replace_based_edit_tool: (input) => editor.run(input),
  bash: (input) => shell.run(input.command),
};

exports.handler = async (event) => {
  const messages = JSON.parse(event.body).messages;
  // TODO(bedrock-claude-codemod): a stored conversation may hold tool_use blocks named str_replace_editor: rename them where it is loaded
  const response = await bedrock.invokeModel({
    modelId: process.env.MODEL_ID,
    contentType: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      anthropic_beta: ['computer-use-2025-01-24'],
      max_tokens: 1024,
      tools: TOOLS,
      messages,
    }),
  });
  const result = JSON.parse(Buffer.from(response.body).toString('utf8'));
  const outputs = [];
  for (const block of result.content) {
    if (block.type === 'tool_use' && executors[block.name]) {
      outputs.push({ type: 'tool_result', tool_use_id: block.id, content: await executors[block.name](block.input) });
    }
  }
  return { statusCode: 200, body: JSON.stringify({ result, outputs }) };
};
