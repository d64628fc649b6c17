import { BedrockRuntimeClient, ConverseCommand, type Message } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntimeClient({ region: "us-west-2" });

export async function classify(history: Message[], ticket: string): Promise<string> {
  const result = await bedrock.send(
    new ConverseCommand({
      modelId: "us.anthropic.claude-haiku-4-5-20251001-v1:0",
      system: [{ text: "Answer with one label: billing, bug, question." }],
      messages: [...history, { role: "user", content: [{ text: ticket }] }],
      // TODO(bedrock-claude-codemod): Claude Haiku 4.5 accepts temperature or topP, not both (400 when both are set): kept temperature, removed topP
      inferenceConfig: {
        maxTokens: 20,
        temperature: 0,
      },
    }),
  );
  const block = result.output?.message?.content?.[0];
  return block && "text" in block && block.text ? block.text.trim() : "question";
}
