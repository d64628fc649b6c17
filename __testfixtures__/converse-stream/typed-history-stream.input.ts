import {
  BedrockRuntimeClient,
  InvokeModelWithResponseStreamCommand,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "eu-central-1" });

interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

const history: ChatTurn[] = [];

/** Streams the reply to the user's question, keeping the running conversation in `history`. */
export async function ask(question: string, onText: (chunk: string) => void): Promise<string> {
  history.push({ role: "user", content: question });
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1024,
        messages: history,
      }),
    }),
  );

  let reply = "";
  for await (const event of response.body ?? []) {
    if (!event.chunk?.bytes) continue;
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (chunk.type === "content_block_delta" && chunk.delta.type === "text_delta") {
      reply += chunk.delta.text;
      onText(chunk.delta.text);
    }
  }
  history.push({ role: "assistant", content: reply });
  return reply;
}
