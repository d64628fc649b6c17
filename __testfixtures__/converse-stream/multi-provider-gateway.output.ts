import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

/** One streaming entry point for every model the platform offers. */
export async function* streamCompletion(modelId: string, prompt: string): AsyncGenerator<string> {
  let body: Record<string, unknown>;
  if (modelId.startsWith('anthropic.')) {
    body = { anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024, messages: [{ role: 'user', content: prompt }] };
  } else if (modelId.startsWith('meta.')) {
    body = { prompt, max_gen_len: 1024 };
  } else {
    body = { inputText: prompt, textGenerationConfig: { maxTokenCount: 1024 } };
  }
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: one call serves Claude and other model families (Llama, Titan)
  const response = await client.send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify(body) }));
  for await (const event of response.body!) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk!.bytes));
    const text = chunk.delta?.text ?? chunk.generation ?? chunk.outputText;
    if (text) yield text;
  }
}
