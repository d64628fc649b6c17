import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export async function act(instruction, screenshot) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: 'anthropic.claude-opus-4-7',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        anthropic_beta: ['computer-use-2025-11-24'],
        max_tokens: 1024,
        tools: [{ type: 'computer_20251124', name: 'computer', display_width_px: 1280, display_height_px: 800 }],
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: instruction },
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: screenshot } },
            ],
          },
        ],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body));
}
