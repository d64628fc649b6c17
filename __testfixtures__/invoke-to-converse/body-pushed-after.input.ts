import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

interface AskOptions {
  examples?: Array<{ q: string; a: string }>;
  strict?: boolean;
}

export async function classifyIntent(utterance: string, opts: AskOptions = {}): Promise<string> {
  const body = {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 16,
    system: "Classify the user's intent as one of: greeting, order_status, refund, other.",
    messages: [] as Array<{ role: "user" | "assistant"; content: string }>,
  };

  // few-shot examples first, then the real question
  for (const ex of opts.examples ?? []) {
    body.messages.push({ role: "user", content: ex.q });
    body.messages.push({ role: "assistant", content: ex.a });
  }
  body.messages.push({ role: "user", content: utterance });

  const res = await client.send(
    new InvokeModelCommand({ modelId: "anthropic.claude-3-haiku-20240307-v1:0", body: JSON.stringify(body) }),
  );
  const data = JSON.parse(new TextDecoder().decode(res.body));
  return data.content[0].text.trim();
}
