import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import type { InvokeModelWithResponseStreamCommandOutput } from '@aws-sdk/client-bedrock-runtime';

interface ToolCall {
  id: string;
  name: string;
  input: unknown;
}

interface StreamResult {
  text: string;
  toolCalls: ToolCall[];
  stopReason: string | null;
  inputTokens: number;
  outputTokens: number;
}

const TOOLS = [
  {
    name: 'get_weather',
    description: 'Current weather for a city',
    input_schema: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
];

export class BedrockLLM {
  private readonly client = new BedrockRuntimeClient({ region: 'us-east-1' });

  /** Opens the stream for any provider; the base class below reads it. */
  async createStreamingRequest(modelId: string, prompt: string, signal?: AbortSignal): Promise<InvokeModelWithResponseStreamCommandOutput> {
    let requestBody: Record<string, unknown>;
    if (modelId.startsWith('anthropic.')) {
      requestBody = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024, tools: TOOLS, messages: [{ role: 'user', content: prompt }] };
    } else if (modelId.startsWith('meta.')) {
      requestBody = { prompt, max_gen_len: 1024, temperature: 0.5 };
    } else {
      throw new Error(`Unsupported model provider for Bedrock: ${modelId}`);
    }
    const command = new InvokeModelWithResponseStreamCommand({
      modelId,
      body: JSON.stringify(requestBody),
      contentType: 'application/json',
      accept: 'application/json',
    });
    return this.client.send(command, { abortSignal: signal });
  }

  async complete(modelId: string, prompt: string): Promise<StreamResult> {
    const response = await this.createStreamingRequest(modelId, prompt);
    const result: StreamResult = { text: '', toolCalls: [], stopReason: null, inputTokens: 0, outputTokens: 0 };
    let tool: { id: string; name: string; json: string } | undefined;
    for await (const event of response.body ?? []) {
      if (!event.chunk?.bytes) continue;
      const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
      switch (chunk.type) {
        case 'content_block_start':
          if (chunk.content_block.type === 'tool_use') tool = { id: chunk.content_block.id, name: chunk.content_block.name, json: '' };
          break;
        case 'content_block_delta':
          if (chunk.delta.type === 'text_delta') result.text += chunk.delta.text;
          if (chunk.delta.type === 'input_json_delta' && tool) tool.json += chunk.delta.partial_json;
          break;
        case 'content_block_stop':
          if (tool) result.toolCalls.push({ id: tool.id, name: tool.name, input: JSON.parse(tool.json) });
          tool = undefined;
          break;
        case 'message_delta':
          result.stopReason = chunk.delta.stop_reason;
          result.outputTokens = chunk.usage.output_tokens;
          break;
        case 'message_stop':
          result.inputTokens = chunk['amazon-bedrock-invocationMetrics'].inputTokenCount;
          break;
        default:
          // Llama chunks carry the text and the counts directly.
          if (typeof chunk.generation === 'string') result.text += chunk.generation;
          if (chunk.stop_reason) result.stopReason = chunk.stop_reason;
          if (chunk.generation_token_count) result.outputTokens = chunk.generation_token_count;
          if (chunk.prompt_token_count) result.inputTokens = chunk.prompt_token_count;
      }
    }
    return result;
  }
}

export async function runBoth(prompt: string): Promise<StreamResult[]> {
  const llm = new BedrockLLM();
  return [await llm.complete('anthropic.claude-3-5-haiku-20241022-v1:0', prompt), await llm.complete('meta.llama3-1-70b-instruct-v1:0', prompt)];
}
