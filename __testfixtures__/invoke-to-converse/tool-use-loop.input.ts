import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

type ToolHandler = (input: Record<string, string>) => string;

const handlers: Record<string, ToolHandler> = {
  get_weather: (input) => `Sunny in ${input.location}`,
  get_time: (input) => `14:05 in ${input.timezone}`,
};

export async function assistant(question: string): Promise<{ answer: string; calls: string[] }> {
  const messages: any[] = [{ role: "user", content: question }];
  const calls: string[] = [];
  while (true) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 1024,
          tool_choice: { type: "auto" },
          tools: [
            {
              name: "get_weather",
              description: "Weather for a location",
              input_schema: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
            },
            {
              name: "get_time",
              description: "Local time in a time zone",
              input_schema: { type: "object", properties: { timezone: { type: "string" } }, required: ["timezone"] },
            },
          ],
          messages,
        }),
      }),
    );
    const message = JSON.parse(new TextDecoder().decode(response.body));
    messages.push({ role: "assistant", content: message.content });
    if (message.stop_reason === "end_turn") {
      const text = message.content.find((b: any) => b.type === "text");
      return { answer: text ? text.text : "", calls };
    }
    const toolResults = [];
    for (const block of message.content) {
      if (block.type !== "tool_use") continue;
      calls.push(block.name);
      const output = handlers[block.name](block.input);
      toolResults.push({ type: "tool_result", tool_use_id: block.id, content: output });
    }
    messages.push({ role: "user", content: toolResults });
  }
}
