import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });

const weatherTool = {
  name: "get_weather",
  description: "Current weather for a city.",
  input_schema: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
};

/** One agent step: the orchestrator (another service) owns the transcript, in the Anthropic format. */
export async function agentStep(transcript: unknown[]): Promise<{ stop: string; calls: string[] }> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1024,
        tools: [weatherTool],
        messages: transcript,
      }),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(response.body));
  const calls = message.content.filter((b: any) => b.type === "tool_use").map((b: any) => `${b.name}(${JSON.stringify(b.input)})`);
  return { stop: message.stop_reason, calls };
}
