import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });

function llama3Prompt(system: string, user: string): string {
  return (
    "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n" +
    system +
    "<|eot_id|><|start_header_id|>user<|end_header_id|>\n" +
    user +
    "<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n"
  );
}

export async function askLlama(question: string): Promise<string> {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: "meta.llama3-70b-instruct-v1:0",
      body: JSON.stringify({
        prompt: llama3Prompt("You are a concise assistant.", question),
        max_gen_len: 512,
        temperature: 0.5,
        top_p: 0.9,
      }),
    }),
  );
  const { generation } = JSON.parse(new TextDecoder().decode(res.body));
  return generation;
}
