import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const weatherTool = {
  toolSpec: {
    name: "get_weather",
    description: "Get the weather for a location.",
    inputSchema: {
      json: {
        type: "object",
        properties: { location: { type: "string" }, unit: { type: "string" } },
        required: ["location"],
      },
    },
  },
};

export async function extractWeatherRequest(text: string) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      messages: [{ role: "user", content: [{ text }] }],
      inferenceConfig: { maxTokens: 500 },
      toolConfig: {
        tools: [weatherTool],
        toolChoice: { tool: { name: "get_weather" } },
      },
    }),
  );
  for (const block of response.output!.message!.content!) {
    if (block.toolUse !== undefined) {
      return { tool: block.toolUse!.name!, id: block.toolUse!.toolUseId!, input: block.toolUse!.input as any };
    }
  }
  return null;
}
