import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "eu-west-1" });

/** Classifies a support ticket; the prompt's indentation is part of the instructions. */
export async function triage(ticket: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "eu.anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text: ticket }] }],

      system: [{
        text: `Classify the ticket. Answer with one of:
    billing
    outage
    other`,
      }],

      inferenceConfig: { maxTokens: 20 },
    }),
  );
  return response.output!.message!.content![0].text!.trim();
}
