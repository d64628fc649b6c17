// ESM Lambda importing the CommonJS build of the SDK through its default export.
import bedrockRuntime from "@aws-sdk/client-bedrock-runtime";

const { BedrockRuntimeClient, ConverseCommand } = bedrockRuntime;
const client = new BedrockRuntimeClient({ region: "us-east-1" });

export const handler = async (event) => {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text: event.text }] }],
      inferenceConfig: { maxTokens: 150 },
    }),
  );
  return { text: response.output.message.content[0].text, tokens: response.usage.outputTokens };
};
