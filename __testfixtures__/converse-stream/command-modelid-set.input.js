const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

class ClaudeStreamer {
  constructor(model) {
    this.client = new BedrockRuntimeClient({ region: 'us-east-1' });
    // An inference profile ID chosen by the deployment.
    this.actualModel = model;
  }

  async *stream(prompt) {
    const command = new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        messages: [{ role: 'user', content: prompt }],
      }),
    });
    command.input.modelId = this.actualModel;
    const response = await this.client.send(command);
    for await (const event of response.body) {
      const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
      if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
        yield chunk.delta.text;
      }
    }
  }
}

async function streamPrompt(prompt) {
  const streamer = new ClaudeStreamer('us.anthropic.claude-3-haiku-20240307-v1:0');
  const pieces = [];
  for await (const piece of streamer.stream(prompt)) pieces.push(piece);
  return pieces;
}

module.exports = { ClaudeStreamer, streamPrompt };
