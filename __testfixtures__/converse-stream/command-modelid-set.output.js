const { BedrockRuntimeClient, ConverseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

class ClaudeStreamer {
  constructor(model) {
    this.client = new BedrockRuntimeClient({ region: 'us-east-1' });
    // An inference profile ID chosen by the deployment.
    this.actualModel = model;
  }

  async *stream(prompt) {
    const command = new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 512 },
    });
    command.input.modelId = this.actualModel;
    const response = await this.client.send(command);
    for await (const event of response.stream) {
      if (event.contentBlockDelta?.delta?.text !== undefined) {
        yield event.contentBlockDelta.delta.text;
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
