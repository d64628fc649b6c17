import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? "us-east-1" });

export async function suggestReply(thread: string) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text: thread }] }],
      system: [{ text: "Suggest a short, polite reply." }],
      inferenceConfig: { maxTokens: 150 },
    }),
  );
  return response.output!.message!.content![0].text! as string;
}

export function SuggestedReply({ text }: { text: string }) {
  return <p className="suggested-reply">{text}</p>;
}
