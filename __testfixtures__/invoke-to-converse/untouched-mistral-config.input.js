import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const config = {
  region: "eu-west-3",
  model: "mistral.mistral-large-2407-v1:0",
};

const client = new BedrockRuntimeClient({ region: config.region });

export async function complete(instruction) {
  const payload = {
    prompt: `<s>[INST] ${instruction} [/INST]`,
    max_tokens: 400,
    temperature: 0.7,
  };
  const response = await client.send(new InvokeModelCommand({ modelId: config.model, body: JSON.stringify(payload) }));
  return JSON.parse(new TextDecoder().decode(response.body)).outputs[0].text;
}
