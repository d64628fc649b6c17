const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const bedrock = new BedrockRuntimeClient({ region: process.env.AWS_REGION || 'us-east-1' });

const display = { display_width_px: 1024, display_height_px: 768 };

// The desktop agent runs on Sonnet 4.6; the cheap triage agent on Haiku 4.5.
async function desktopTurn(messages) {
  const res = await bedrock.send(
    new InvokeModelCommand({
      modelId: 'global.anthropic.claude-sonnet-4-6',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        anthropic_beta: ['computer-use-2024-10-22'],
        max_tokens: 4096,
        tools: [
          { type: 'computer_20241022', name: 'computer', ...display },
          { type: 'text_editor_20241022', name: 'str_replace_editor' },
        ],
        messages,
      }),
    }),
  );
  return JSON.parse(Buffer.from(res.body).toString('utf8'));
}

async function triageTurn(messages) {
  const res = await bedrock.send(
    new InvokeModelCommand({
      modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        anthropic_beta: ['computer-use-2024-10-22', 'output-128k-2025-02-19'],
        max_tokens: 1024,
        tools: [
          { type: 'computer_20241022', name: 'computer', ...display },
          { type: 'text_editor_20250124', name: 'str_replace_editor' },
        ],
        messages,
      }),
    }),
  );
  return JSON.parse(Buffer.from(res.body).toString('utf8'));
}

module.exports = { desktopTurn, triageTurn };
