import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function complete(modelId, prompt) {
  if (modelId.includes("claude")) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId,
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 300,
          messages: [{ role: "user", content: prompt }],
        }),
      }),
    );
    return JSON.parse(new TextDecoder().decode(response.body)).content[0].text;
  } else {
    const response = await client.send(
      new InvokeModelCommand({ modelId, body: JSON.stringify({ prompt, max_gen_len: 300 }) }),
    );
    return JSON.parse(new TextDecoder().decode(response.body)).generation;
  }
}
