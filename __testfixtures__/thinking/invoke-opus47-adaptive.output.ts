import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});
const MODEL_ID = "us.anthropic.claude-opus-4-7";

interface ReviewResult {
  verdict: string;
  tokens: number;
}

export async function reviewDiff(diff: string): Promise<ReviewResult> {
  const payload = {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 8000,
    messages: [{ role: "user", content: `Review this diff:\n${diff}` }],
    thinking: { type: "adaptive" },
  };
  const response = await client.send(new InvokeModelCommand({ modelId: MODEL_ID, body: JSON.stringify(payload) }));
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return { verdict: result.content.find((block: { type: string }) => block.type === "text")!.text, tokens: result.usage.output_tokens };
}
