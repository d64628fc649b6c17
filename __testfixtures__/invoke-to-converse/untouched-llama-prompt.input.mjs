import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

// Llama 3 on Bedrock: a formatted prompt string, not a Claude body.
export async function askLlama(question) {
  const prompt = `<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n${question}<|eot_id|><|start_header_id|>assistant<|end_header_id|>`;
  const body = { prompt, max_gen_len: 512, temperature: 0.5 };
  const output = await client.send(
    new InvokeModelCommand({ modelId: "meta.llama3-1-70b-instruct-v1:0", body: JSON.stringify(body) }),
  );
  return JSON.parse(Buffer.from(output.body).toString("utf8")).generation;
}
