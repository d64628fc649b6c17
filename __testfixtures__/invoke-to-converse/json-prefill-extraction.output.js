import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const SCHEMA_HINT = `{"name": string, "email": string | null, "company": string | null}`;

// pull contact details out of a signature block; we prefill "{" so Claude answers with bare JSON
export async function extractContact(signature) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
      messages: [
        { role: "user", content: [{ text: signature }] },
        { role: "assistant", content: [{ text: "{" }] },
      ],
      system: [{ text: `Extract the contact as JSON matching ${SCHEMA_HINT}.` }],
      inferenceConfig: { maxTokens: 200, temperature: 0 },
    }),
  );
  const raw = "{" + response.output.message.content[0].text;
  try {
    return JSON.parse(raw);
  } catch {
    return { raw };
  }
}
