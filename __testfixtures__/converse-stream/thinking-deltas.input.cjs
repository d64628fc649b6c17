const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function solve(problem, onThinking) {
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 4000,
        thinking: { type: 'enabled', budget_tokens: 2000 },
        messages: [{ role: 'user', content: problem }],
      }),
    }),
  );
  let answer = '';
  let signature = '';
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (chunk.type !== 'content_block_delta') continue;
    switch (chunk.delta.type) {
      case 'thinking_delta':
        onThinking(chunk.delta.thinking);
        break;
      case 'signature_delta':
        signature = chunk.delta.signature;
        break;
      case 'text_delta':
        answer += chunk.delta.text;
        break;
    }
  }
  return { answer, signed: signature.length > 0 };
}

module.exports = { solve };
