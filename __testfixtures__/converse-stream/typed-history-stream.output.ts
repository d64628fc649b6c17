import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type Message,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "eu-central-1" });

interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

const history: Message[] = [];

/** Streams the reply to the user's question, keeping the running conversation in `history`. */
export async function ask(question: string, onText: (chunk: string) => void): Promise<string> {
  history.push({ role: "user", content: [{ text: question }] });
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: "eu.anthropic.claude-sonnet-4-5-20250929-v1:0",
      messages: history,
      inferenceConfig: { maxTokens: 1024 },
    }),
  );

  let reply = "";
  for await (const event of response.stream ?? []) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      reply += event.contentBlockDelta.delta.text;
      onText(event.contentBlockDelta.delta.text);
    }
  }
  history.push({ role: "assistant", content: [{ text: reply }] });
  return reply;
}
