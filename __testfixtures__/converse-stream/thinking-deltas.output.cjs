const { BedrockRuntimeClient, ConverseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function solve(problem, onThinking) {
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      messages: [{ role: 'user', content: [{ text: problem }] }],
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: {
        thinking: { type: 'enabled', budget_tokens: 2000 },
      },
    }),
  );
  let answer = '';
  let signature = '';
  for await (const event of response.stream) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      answer += event.contentBlockDelta.delta.text;
    } else if (event.contentBlockDelta?.delta?.reasoningContent?.text !== undefined) {
      onThinking(event.contentBlockDelta.delta.reasoningContent.text);
    } else if (event.contentBlockDelta?.delta?.reasoningContent?.signature !== undefined) {
      signature = event.contentBlockDelta.delta.reasoningContent.signature;
    }
  }
  return { answer, signed: signature.length > 0 };
}

module.exports = { solve };
