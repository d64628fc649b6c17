import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

type Block = { type: string; text?: string; id?: string; name?: string; input?: { location: string } };

export async function agent(question: string): Promise<string> {
  const messages: Array<{ role: string; content: unknown }> = [{ role: "user", content: question }];
  for (;;) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          anthropic_beta: ["token-efficient-tools-2025-02-19", "interleaved-thinking-2025-05-14"],
          max_tokens: 4096,
          tools: [{ name: "get_weather", input_schema: { type: "object", properties: { location: { type: "string" } } } }],
          messages,
          thinking: { type: "enabled", budget_tokens: 2048 },
        }),
      }),
    );
    const body = JSON.parse(new TextDecoder().decode(response.body)) as { stop_reason: string; content: Block[] };
    messages.push({ role: "assistant", content: body.content });
    if (body.stop_reason !== "tool_use") return body.content.filter((b) => b.type === "text").map((b) => b.text).join("");
    const uses = body.content.filter((b) => b.type === "tool_use");
    messages.push({
      role: "user",
      content: uses.map((b) => ({ type: "tool_result", tool_use_id: b.id, content: `Mild in ${b.input!.location}` })),
    });
  }
}
