import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const TOOLS = [
  {
    name: "get_weather",
    description: "Current weather for a city",
    input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
  {
    name: "get_time",
    description: "Local time in a city",
    input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
] as const;

type ToolCall = { name: string; input: unknown };

export async function planCalls(question: string): Promise<{ calls: ToolCall[]; stop: string }> {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1024,
        tools: TOOLS,
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(res.body));
  const calls: ToolCall[] = message.content
    .filter((b: any) => b.type === "tool_use")
    .map((b: any) => ({ name: b.name, input: b.input }));
  return { calls, stop: message.stop_reason };
}
