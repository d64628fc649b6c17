import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? "us-east-1" });

interface SummaryEvent {
  text: string;
}

// Summaries used anthropic.claude-3-5-sonnet-20240620-v1:0 during the pilot.
export const handler = async (event: SummaryEvent) => {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1024,
        temperature: 0.3,
        top_p: 0.9,
        system: "You summarise support tickets in three bullet points.",
        messages: [{ role: "user", content: event.text }],
      }),
    }),
  );
  const payload = JSON.parse(new TextDecoder().decode(response.body));
  return { statusCode: 200, body: payload.content[0].text as string };
};
