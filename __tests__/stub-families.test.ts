import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { startStubBedrock, type StubBedrock } from './support/stub-bedrock';
import { nonClaudeFamily } from './support/stub-families';
import { resolveScenario } from './support/scenarios';

let stub: StubBedrock;
let client: BedrockRuntimeClient;

beforeAll(async () => {
  stub = await startStubBedrock();
  client = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: stub.url,
    credentials: { accessKeyId: 'AKIDSTUB', secretAccessKey: 'stub-secret' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await stub.close();
});
beforeEach(() => stub.setScenario('text'));

const text = (): string =>
  resolveScenario('text').turns[0]!.content.map((b) => (b.type === 'text' ? b.text : '')).join('');

async function invoke(modelId: string, body: unknown): Promise<any> {
  const res = await client.send(new InvokeModelCommand({ modelId, body: JSON.stringify(body), contentType: 'application/json' }));
  return JSON.parse(res.body.transformToString());
}

async function streamChunks(modelId: string, body: unknown): Promise<any[]> {
  const res = await client.send(new InvokeModelWithResponseStreamCommand({ modelId, body: JSON.stringify(body) }));
  const out: any[] = [];
  for await (const event of res.body!) out.push(JSON.parse(new TextDecoder().decode(event.chunk!.bytes)));
  return out;
}

describe('stub: non-Claude InvokeModel families', () => {
  it('recognises families by base ID, profile ID and ARN, and never a Claude ID', () => {
    expect(nonClaudeFamily('amazon.titan-text-express-v1')).toBe('titan');
    expect(nonClaudeFamily('us.meta.llama3-1-70b-instruct-v1:0')).toBe('llama');
    expect(nonClaudeFamily('arn:aws:bedrock:us-east-1::foundation-model/mistral.mistral-large-2402-v1:0')).toBe('mistral');
    expect(nonClaudeFamily('anthropic.claude-3-haiku-20240307-v1:0')).toBeUndefined();
    expect(nonClaudeFamily('cohere.command-r-v1:0')).toBeUndefined();
  });

  it('answers a Titan body in the Titan shape', async () => {
    const out = await invoke('amazon.titan-text-express-v1', { inputText: 'User: hi\nBot:', textGenerationConfig: { maxTokenCount: 100 } });
    expect(out.results[0].outputText).toBe(text());
    expect(out.results[0].completionReason).toBe('FINISHED');
    expect(typeof out.inputTextTokenCount).toBe('number');
    expect(stub.requests[0]).toMatchObject({ operation: 'InvokeModel', modelId: 'amazon.titan-text-express-v1' });
  });

  it('answers Llama and Mistral prompt bodies in their shapes', async () => {
    const llama = await invoke('meta.llama3-8b-instruct-v1:0', { prompt: 'hi', max_gen_len: 64 });
    expect(llama).toMatchObject({ generation: text(), stop_reason: 'stop' });
    const mistral = await invoke('mistral.mistral-7b-instruct-v0:2', { prompt: '<s>[INST] hi [/INST]', max_tokens: 64 });
    expect(mistral.outputs[0]).toEqual({ text: text(), stop_reason: 'stop' });
  });

  it('rejects an Anthropic body sent to a non-Claude model, as Bedrock does', async () => {
    await expect(
      invoke('meta.llama3-8b-instruct-v1:0', { anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [] }),
    ).rejects.toThrow(/prompt/);
    await expect(invoke('amazon.titan-text-express-v1', { prompt: 'x' })).rejects.toThrow(/inputText/);
  });

  it('streams family chunks whose text joins to the answer, metrics on the last one', async () => {
    const titan = await streamChunks('amazon.titan-text-express-v1', { inputText: 'hi' });
    expect(titan.map((c) => c.outputText).join('')).toBe(text());
    expect(titan.at(-1)).toMatchObject({ completionReason: 'FINISHED', 'amazon-bedrock-invocationMetrics': expect.any(Object) });
    const llama = await streamChunks('meta.llama3-8b-instruct-v1:0', { prompt: 'hi' });
    expect(llama.map((c) => c.generation).join('')).toBe(text());
    expect(llama.at(-1).stop_reason).toBe('stop');
  });
});
