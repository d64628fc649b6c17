import {
  BedrockRuntimeClient,
  InvokeModelCommand,
  InvokeModelCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });
const MODEL = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

/** decode the raw bytes Bedrock gives back */
function readBody(output: InvokeModelCommandOutput) {
  return JSON.parse(Buffer.from(output.body).toString("utf-8"));
}

export async function translate(text: string, to: string): Promise<string> {
  const output = await client.send(
    new InvokeModelCommand({
      modelId: MODEL,
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 500,
        system: `Translate the user's text to ${to}. Output only the translation.`,
        messages: [{ role: "user", content: text }],
      }),
    })
  );
  const body = readBody(output);
  return body.content[0].text;
}

export async function detectLanguage(text: string): Promise<{ language: string; stop: string }> {
  const output = await client.send(
    new InvokeModelCommand({
      modelId: MODEL,
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 10,
        messages: [{ role: "user", content: `Which language is this? One word.\n${text}` }],
      }),
    })
  );
  const body = readBody(output);
  return { language: body.content[0].text.trim(), stop: body.stop_reason };
}
