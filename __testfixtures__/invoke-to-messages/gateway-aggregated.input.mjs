import { BedrockRuntime } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntime({ region: process.env.AWS_REGION || 'us-east-1' });

const FAMILIES = [
  {
    test: (id) => id.includes('anthropic.claude'),
    params: (prompt, config) => ({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: config.maxTokens ?? 256,
      messages: [{ role: 'user', content: prompt }],
      ...(config.tools ? { tools: config.tools } : {}),
    }),
    output: (json) => ({
      text: json.content.filter((b) => b.type === 'text').map((b) => b.text).join(''),
      toolCalls: json.content.filter((b) => b.type === 'tool_use').map((b) => ({ name: b.name, input: b.input })),
      stop: json.stop_reason,
    }),
  },
  {
    test: (id) => id.startsWith('amazon.titan'),
    params: (prompt, config) => ({ inputText: prompt, textGenerationConfig: { maxTokenCount: config.maxTokens ?? 256 } }),
    output: (json) => ({ text: json.results[0].outputText, toolCalls: [], stop: json.results[0].completionReason }),
  },
  {
    test: (id) => id.startsWith('meta.'),
    params: (prompt, config) => ({ prompt, max_gen_len: config.maxTokens ?? 256 }),
    output: (json) => ({ text: json.generation, toolCalls: [], stop: json.stop_reason }),
  },
];

export async function callApi(modelId, prompt, config = {}) {
  const family = FAMILIES.find((f) => f.test(modelId));
  if (!family) throw new Error(`No Bedrock family for ${modelId}`);
  const response = await bedrock.invokeModel({
    modelId,
    ...(config.guardrailIdentifier
      ? { guardrailIdentifier: config.guardrailIdentifier, guardrailVersion: config.guardrailVersion ?? 'DRAFT' }
      : {}),
    accept: 'application/json',
    contentType: 'application/json',
    body: JSON.stringify(family.params(prompt, config)),
  });
  const json = JSON.parse(response.body.transformToString());
  // The raw answer is cached as text for replays.
  const cached = new TextDecoder().decode(response.body);
  return { ...family.output(json), cachedKeys: Object.keys(JSON.parse(cached)).sort(), contentType: response.contentType };
}
