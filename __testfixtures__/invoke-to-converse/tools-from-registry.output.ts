import { BedrockRuntimeClient, ConverseCommand, type Tool } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const TOOLS: Tool[] = [
  {
    toolSpec: {
      name: "get_weather",
      description: "Current weather for a city",
      inputSchema: {
        json: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
    },
  },
  {
    toolSpec: {
      name: "get_time",
      description: "Local time in a city",
      inputSchema: {
        json: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
      },
    },
  },
];

type ToolCall = { name: string; input: unknown };

export async function planCalls(question: string): Promise<{ calls: ToolCall[]; stop: string }> {
  const res = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 1024 },
      toolConfig: { tools: TOOLS },
    }),
  );
  const calls: ToolCall[] = res.output!.message!.content!
    .filter((b) => b.toolUse !== undefined)
    .map((b) => ({ name: b.toolUse!.name!, input: b.toolUse!.input as any }));
  return { calls, stop: res.stopReason! };
}
