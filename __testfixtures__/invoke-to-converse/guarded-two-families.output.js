import { BedrockRuntimeClient, InvokeModelCommand, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function complete(modelId, prompt) {
  if (modelId.includes("claude")) {
    const response = await client.send(
      new ConverseCommand({
        modelId,
        messages: [{ role: "user", content: [{ text: prompt }] }],
        inferenceConfig: { maxTokens: 300 },
      }),
    );
    return response.output.message.content[0].text;
  } else {
    const response = await client.send(
      new InvokeModelCommand({ modelId, body: JSON.stringify({ prompt, max_gen_len: 300 }) }),
    );
    return JSON.parse(new TextDecoder().decode(response.body)).generation;
  }
}
