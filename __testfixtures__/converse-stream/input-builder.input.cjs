const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION || 'us-east-1' });
const MODEL_ID = 'anthropic.claude-3-5-sonnet-20240620-v1:0';

function buildStreamRequest(question, history) {
  const messages = [...history, { role: 'user', content: question }];
  return {
    modelId: MODEL_ID,
    contentType: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 512,
      temperature: 0.2,
      messages,
    }),
  };
}

async function streamAnswer(question, history, write) {
  const command = new InvokeModelWithResponseStreamCommand(buildStreamRequest(question, history));
  const response = await client.send(command);
  let stopReason;
  for await (const item of response.body) {
    if (!item.chunk) continue;
    const payload = JSON.parse(Buffer.from(item.chunk.bytes).toString('utf-8'));
    switch (payload.type) {
      case 'content_block_delta':
        write(payload.delta.text);
        break;
      case 'message_delta':
        stopReason = payload.delta.stop_reason;
        break;
    }
  }
  return stopReason;
}

module.exports = { streamAnswer };
