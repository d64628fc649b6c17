import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

type Block =
  | { type: "text"; text: string }
  | { type: "tool_use"; id: string; name: string; input: Record<string, unknown> };

interface ClaudeResponse {
  content: Block[];
  stop_reason: string;
}

const client = new BedrockRuntimeClient({ region: "us-west-2" });

function runTool(name: string, input: Record<string, unknown>): string {
  if (name === "get_time") return new Date(0).toISOString();
  return JSON.stringify({ error: `unknown tool ${name}`, input });
}

export async function agent(question: string, modelId: string): Promise<string> {
  const messages: Array<{ role: "user" | "assistant"; content: unknown }> = [{ role: "user", content: question }];
  for (let turn = 0; turn < 5; turn++) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId,
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 1024,
          tools: [{ name: "get_time", description: "Current time", input_schema: { type: "object", properties: {} } }],
          messages,
        }),
      }),
    );
    const body: ClaudeResponse = JSON.parse(new TextDecoder().decode(response.body));
    messages.push({ role: "assistant", content: body.content });
    if (body.stop_reason === "tool_use") {
      const results = body.content
        .filter((b): b is Extract<Block, { type: "tool_use" }> => b.type === "tool_use")
        .map((b) => ({ type: "tool_result", tool_use_id: b.id, content: runTool(b.name, b.input) }));
      messages.push({ role: "user", content: results });
    } else if (body.stop_reason === "max_tokens") {
      throw new Error("answer truncated");
    } else if (body.stop_reason === "refusal") {
      throw new Error(`Claude refused the request (stop reason: refusal, model: ${modelId})`);
    } else {
      return body.content.map((b) => (b.type === "text" ? b.text : "")).join("");
    }
  }
  throw new Error("too many turns");
}
