import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const TOOLS = [
  {
    name: "get_weather",
    description: "Current weather for a location",
    input_schema: {
      type: "object",
      properties: { location: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
      required: ["location"],
    },
    cache_control: { type: "ephemeral" },
  },
];

export async function firstToolCall(question: string) {
  const params = {
    modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
    contentType: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 512,
      tools: TOOLS,
      messages: [{ role: "user", content: question }],
    }),
  };
  const response = await client.send(new InvokeModelCommand(params));
  const message = JSON.parse(new TextDecoder().decode(response.body));
  const use = message.content.find((b: any) => b.type === "tool_use");
  return use ? { name: use.name, input: use.input, stop: message.stop_reason } : null;
}
