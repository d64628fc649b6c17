import { BedrockRuntimeClient, ConverseCommand, type Message } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntimeClient({ region: "us-west-2" });

export async function classify(history: Message[], ticket: string): Promise<string> {
  const result = await bedrock.send(
    new ConverseCommand({
      modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
      system: [{ text: "Answer with one label: billing, bug, question." }],
      messages: [...history, { role: "user", content: [{ text: ticket }] }],
      inferenceConfig: {
        maxTokens: 20,
        temperature: 0,
        topP: 0.5,
      },
    }),
  );
  const block = result.output?.message?.content?.[0];
  return block && "text" in block && block.text ? block.text.trim() : "question";
}
