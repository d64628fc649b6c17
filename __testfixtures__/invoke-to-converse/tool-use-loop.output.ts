import { BedrockRuntimeClient, ConverseCommand, type ContentBlock } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

type ToolHandler = (input: Record<string, string>) => string;

const handlers: Record<string, ToolHandler> = {
  get_weather: (input) => `Sunny in ${input.location}`,
  get_time: (input) => `14:05 in ${input.timezone}`,
};

export async function assistant(question: string): Promise<{ answer: string; calls: string[] }> {
  const messages: any[] = [{ role: "user", content: [{ text: question }] }];
  const calls: string[] = [];
  while (true) {
    const response = await client.send(
      new ConverseCommand({
        modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
        messages,
        inferenceConfig: { maxTokens: 1024 },
        toolConfig: {
          tools: [
            {
              toolSpec: {
                name: "get_weather",
                description: "Weather for a location",
                inputSchema: {
                  json: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
                },
              },
            },
            {
              toolSpec: {
                name: "get_time",
                description: "Local time in a time zone",
                inputSchema: {
                  json: { type: "object", properties: { timezone: { type: "string" } }, required: ["timezone"] },
                },
              },
            },
          ],
          toolChoice: { auto: {} },
        },
      }),
    );
    messages.push({ role: "assistant", content: response.output!.message!.content! });
    if (response.stopReason === "end_turn") {
      const text = response.output!.message!.content!.find((b) => b.text !== undefined);
      return { answer: text ? text!.text! : "", calls };
    }
    const toolResults: ContentBlock[] = [];
    for (const block of response.output!.message!.content!) {
      if (block.toolUse === undefined) continue;
      calls.push(block.toolUse!.name!);
      const output = handlers[block.toolUse!.name!](block.toolUse!.input as any);
      toolResults.push({
        toolResult: {
          toolUseId: block.toolUse!.toolUseId!,
          content: [{ text: output }],
        },
      });
    }
    messages.push({ role: "user", content: toolResults });
  }
}
