import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

/** Extracts the invoice fields as JSON; the assistant turn is prefilled with "{" so the answer is bare JSON. */
export async function extractInvoice(text: string): Promise<Record<string, unknown>> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-opus-20240229-v1:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 500,
        messages: [
          { role: "user", content: `Return the invoice number and total as JSON.\n\n${text}` },
          { role: "assistant", content: "{" },
        ],
      }),
    }),
  );
  const body = JSON.parse(new TextDecoder().decode(response.body));
  return JSON.parse("{" + body.content[0].text);
}
