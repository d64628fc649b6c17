import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const SCHEMA_HINT = `{"name": string, "email": string | null, "company": string | null}`;

// pull contact details out of a signature block; we prefill "{" so Claude answers with bare JSON
export async function extractContact(signature) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 200,
        temperature: 0,
        system: `Extract the contact as JSON matching ${SCHEMA_HINT}.`,
        messages: [
          { role: "user", content: signature },
          { role: "assistant", content: "{" },
        ],
      }),
    }),
  );
  const completion = JSON.parse(new TextDecoder().decode(response.body));
  const raw = "{" + completion.content[0].text;
  try {
    return JSON.parse(raw);
  } catch {
    return { raw };
  }
}
