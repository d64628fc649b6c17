import {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
  type InvokeModelWithResponseStreamCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';

export interface StreamParams {
  model: string;
  prompt: string;
  maxOutputTokens?: number;
  signal?: AbortSignal;
}

/** A multi-provider streaming model: the body depends on the provider, the send is shared. */
export class BedrockStreamingModel {
  private readonly client: BedrockRuntimeClient;

  constructor(region = 'us-east-1') {
    this.client = new BedrockRuntimeClient({ region });
  }

  private requestBody(params: StreamParams): Record<string, unknown> {
    const modelId = params.model;
    if (modelId.startsWith('anthropic.')) {
      return {
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: params.maxOutputTokens || 1024,
        messages: [{ role: 'user', content: params.prompt }],
      };
    }
    if (modelId.startsWith('amazon.titan-')) {
      return { inputText: params.prompt, textGenerationConfig: { maxTokenCount: params.maxOutputTokens || 1024 } };
    }
    if (modelId.startsWith('meta.')) {
      return { prompt: params.prompt, max_gen_len: params.maxOutputTokens || 1024 };
    }
    throw new Error(`Unsupported model provider for Bedrock: ${modelId}`);
  }

  createStreamingRequest(params: StreamParams): Promise<InvokeModelWithResponseStreamCommandOutput> {
    const command = new InvokeModelWithResponseStreamCommand({
      modelId: params.model,
      body: JSON.stringify(this.requestBody(params)),
      contentType: 'application/json',
      accept: 'application/json',
    });
    // Forward the caller's signal so an abort closes the HTTP stream.
    return this.client.send(command, { abortSignal: params.signal });
  }

  processChunk(bytes: Uint8Array): { content: string; finishReason: string | null } {
    const data = JSON.parse(new TextDecoder().decode(bytes));
    const content = data.delta?.text ?? data.outputText ?? data.generation ?? '';
    return { content, finishReason: data.delta?.stop_reason ?? data.completionReason ?? data.stop_reason ?? null };
  }
}

export async function streamText(model: string, prompt: string): Promise<{ text: string; finishReason: string | null; events: number }> {
  const llm = new BedrockStreamingModel();
  const controller = new AbortController();
  const response = await llm.createStreamingRequest({ model, prompt, maxOutputTokens: 400, signal: controller.signal });
  let text = '';
  let finishReason: string | null = null;
  let events = 0;
  for await (const event of response.body ?? []) {
    if (!event.chunk?.bytes) continue;
    events++;
    const chunk = llm.processChunk(event.chunk.bytes);
    text += chunk.content;
    finishReason = chunk.finishReason ?? finishReason;
  }
  return { text, finishReason, events };
}
