import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const weatherTool = {
  name: "get_weather",
  description: "Get the weather for a location.",
  input_schema: {
    type: "object",
    properties: { location: { type: "string" }, unit: { type: "string" } },
    required: ["location"],
  },
};

export async function extractWeatherRequest(text: string) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 500,
        tools: [weatherTool],
        tool_choice: { type: "tool", name: "get_weather" },
        messages: [{ role: "user", content: text }],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  for (const block of result.content) {
    if (block.type === "tool_use") {
      return { tool: block.name, id: block.id, input: block.input };
    }
  }
  return null;
}
