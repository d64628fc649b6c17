import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ContentBlock,
  type Message,
  type Tool,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const tools: Tool[] = [
  {
    toolSpec: {
      name: "get_weather",
      description: "Current weather for a city",
      inputSchema: { json: { type: "object", properties: { location: { type: "string" } }, required: ["location"] } },
    },
  },
];

function getWeather(location: string): string {
  return `4 degrees and snowing in ${location}`;
}

export async function weatherAgent(question: string): Promise<string> {
  const messages: Message[] = [{ role: "user", content: [{ text: question }] }];
  for (let turn = 0; turn < 4; turn++) {
    const response = await client.send(
      new ConverseCommand({
        modelId: "global.anthropic.claude-sonnet-4-6",
        messages,
        toolConfig: { tools },
        inferenceConfig: { maxTokens: 4096 },
      }),
    );
    const message = response.output!.message!;
    messages.push(message);
    if (response.stopReason !== "tool_use") {
      return message.content!.map((block) => block.text ?? "").join("");
    }
    const results: ContentBlock[] = [];
    for (const block of message.content!) {
      if (block.toolUse) {
        const input = block.toolUse.input as { location: string };
        results.push({ toolResult: { toolUseId: block.toolUse.toolUseId, content: [{ text: getWeather(input.location) }] } });
      }
    }
    messages.push({ role: "user", content: results });
  }
  throw new Error("too many tool turns");
}
