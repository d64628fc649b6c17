import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? "us-east-1" });

export async function suggestReply(thread: string) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 150,
        system: "Suggest a short, polite reply.",
        messages: [{ role: "user", content: thread }],
      }),
    }),
  );
  const data = JSON.parse(new TextDecoder().decode(response.body));
  return data.content[0].text as string;
}

export function SuggestedReply({ text }: { text: string }) {
  return <p className="suggested-reply">{text}</p>;
}
