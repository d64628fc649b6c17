import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const decoder = new TextDecoder();

// A chat service that streams from whichever model the workspace uses.
export class StreamingChat {
  constructor(client = new BedrockRuntimeClient({ region: 'us-east-1' })) {
    this.client = client;
  }

  async *stream(modelId, prompt) {
    let body;
    if (modelId.startsWith('anthropic.') || modelId.includes('.anthropic.')) {
      body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 400, messages: [{ role: 'user', content: prompt }] };
    } else if (modelId.startsWith('amazon.titan')) {
      body = { inputText: prompt, textGenerationConfig: { maxTokenCount: 400 } };
    } else {
      body = { prompt, max_gen_len: 400 };
    }
    const command = new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify(body), contentType: 'application/json' });
    const response = await this.client.send(command);
    for await (const event of response.body) {
      if (!event.chunk?.bytes) continue;
      const data = JSON.parse(decoder.decode(event.chunk.bytes));
      if (data.type === 'content_block_delta' && data.delta.type === 'text_delta') yield data.delta.text;
      else if (data.outputText) yield data.outputText;
      else if (data.generation) yield data.generation;
    }
  }
}

export async function streamEach(modelIds, prompt) {
  const chat = new StreamingChat();
  const out = {};
  for (const modelId of modelIds) {
    const pieces = [];
    for await (const piece of chat.stream(modelId, prompt)) pieces.push(piece);
    out[modelId] = pieces;
  }
  return out;
}
