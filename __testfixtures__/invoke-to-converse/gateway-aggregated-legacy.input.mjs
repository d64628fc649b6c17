import { BedrockRuntime } from '@aws-sdk/client-bedrock-runtime';

const runtime = new BedrockRuntime({ region: 'us-west-2' });

// Follow-up questions over a short history, for whichever model the tenant picked.
export async function followUp(modelId, history, question) {
  let payload;
  if (modelId.startsWith('anthropic.')) {
    const turns = history.map(([q, a]) => `\n\nHuman: ${q}\n\nAssistant: ${a}`).join('');
    payload = { prompt: `${turns}\n\nHuman: ${question}\n\nAssistant:`, max_tokens_to_sample: 300, stop_sequences: ['\n\nHuman:'] };
  } else if (modelId.startsWith('meta.')) {
    const turns = history.map(([q, a]) => `<|start_header_id|>user<|end_header_id|>\n${q}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n${a}<|eot_id|>`).join('');
    payload = { prompt: `<|begin_of_text|>${turns}<|start_header_id|>user<|end_header_id|>\n${question}<|eot_id|>`, max_gen_len: 300 };
  } else {
    throw new Error(`unsupported model ${modelId}`);
  }
  const output = await runtime.invokeModel({ modelId, body: JSON.stringify(payload) });
  const data = JSON.parse(new TextDecoder().decode(output.body));
  return modelId.startsWith('anthropic.') ? data.completion.trim() : data.generation.trim();
}

export async function followUpWithEach(modelIds, question) {
  const history = [['What is Bedrock?', 'A managed service for foundation models.']];
  const answers = {};
  for (const modelId of modelIds) answers[modelId] = await followUp(modelId, history, question);
  return answers;
}
