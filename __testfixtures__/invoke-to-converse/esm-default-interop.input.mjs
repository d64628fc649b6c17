// ESM Lambda importing the CommonJS build of the SDK through its default export.
import bedrockRuntime from "@aws-sdk/client-bedrock-runtime";

const { BedrockRuntimeClient, InvokeModelCommand } = bedrockRuntime;
const client = new BedrockRuntimeClient({ region: "us-east-1" });

export const handler = async (event) => {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 150,
        messages: [{ role: "user", content: event.text }],
      }),
    }),
  );
  const output = JSON.parse(new TextDecoder().decode(response.body));
  return { text: output.content[0].text, tokens: output.usage.output_tokens };
};
