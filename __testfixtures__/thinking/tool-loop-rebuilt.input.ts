import { BedrockRuntime, type Message } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntime({ region: "us-east-1" });

export async function lookupOrder(question: string, find: (id: string) => string): Promise<string> {
  const messages: Message[] = [{ role: "user", content: [{ text: question }] }];
  while (true) {
    const response = await bedrock.converse({
      modelId: "global.anthropic.claude-sonnet-4-6",
      messages,
      toolConfig: {
        tools: [{ toolSpec: { name: "find_order", inputSchema: { json: { type: "object", properties: { id: { type: "string" } } } } } }],
      },
      inferenceConfig: { maxTokens: 4096 },
    });
    const call = response.output?.message?.content?.find((block) => block.toolUse)?.toolUse;
    if (!call) return response.output?.message?.content?.map((block) => block.text ?? "").join("") ?? "";
    messages.push({ role: "assistant", content: [{ toolUse: call }] });
    const result = find((call.input as { id: string }).id);
    messages.push({ role: "user", content: [{ toolResult: { toolUseId: call.toolUseId, content: [{ text: result }] } }] });
  }
}
