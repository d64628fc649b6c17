import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function getTipOfTheDay(topic) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 120,
        messages: [{ role: "user", content: `Give me one short tip about ${topic}.` }],
      }),
    })
  );
  const { content } = JSON.parse(new TextDecoder().decode(response.body));
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
