import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "eu-west-1" });

/** Classifies a support ticket; the prompt's indentation is part of the instructions. */
export async function triage(ticket: string): Promise<string> {
  const payload = {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 20,
    system: `Classify the ticket. Answer with one of:
    billing
    outage
    other`,
    messages: [{ role: "user", content: ticket }],
  };
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "eu.anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify(payload),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.content[0].text.trim();
}
