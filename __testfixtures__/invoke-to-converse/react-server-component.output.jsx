import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function getTipOfTheDay(topic) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [
        {
          role: "user",
          content: [{ text: `Give me one short tip about ${topic}.` }],
        },
      ],
      inferenceConfig: { maxTokens: 120 },
    })
  );
  const content = response.output.message.content;
  return content[0].text;
}

// app/tips/[topic]/page.jsx (server component)
export default async function TipPage({ params }) {
  const tip = await getTipOfTheDay(params.topic);
  return (
    <main className="tip">
      <h1>Tip about {params.topic}</h1>
      <p>{tip}</p>
    </main>
  );
}
