import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandInput,
  type Tool,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const TOOLS: Tool[] = [
  {
    toolSpec: {
      name: "get_weather",
      description: "Current weather for a location",
      inputSchema: {
        json: {
          type: "object",
          properties: { location: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
          required: ["location"],
        },
      },
    },
  },
  { cachePoint: { type: "default" } },
];

export async function firstToolCall(question: string) {
  const params: ConverseCommandInput = {
    modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
    messages: [{ role: "user", content: [{ text: question }] }],
    inferenceConfig: { maxTokens: 512 },
    toolConfig: { tools: TOOLS },
  };
  const response = await client.send(new ConverseCommand(params));
  const use = response.output!.message!.content!.find((b) => b.toolUse !== undefined);
  return use ? { name: use!.toolUse!.name!, input: use!.toolUse!.input as any, stop: response.stopReason! } : null;
}
