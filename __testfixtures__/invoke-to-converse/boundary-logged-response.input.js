import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { logger } from "./logger.js";

const client = new BedrockRuntimeClient({});

export async function classify(ticket) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 20,
        system: "Answer with one word: billing, bug or other.",
        messages: [{ role: "user", content: ticket }],
      }),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(response.body));
  logger.debug("claude answered", message);
  return message.content[0].text.trim().toLowerCase();
}
