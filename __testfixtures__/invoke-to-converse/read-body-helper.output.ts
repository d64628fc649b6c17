import {
  BedrockRuntimeClient,
  ConverseCommand,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });
const MODEL = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

export async function translate(text: string, to: string): Promise<string> {
  const output = await client.send(
    new ConverseCommand({
      modelId: MODEL,
      messages: [{ role: "user", content: [{ text }] }],
      system: [
        {
          text: `Translate the user's text to ${to}. Output only the translation.`,
        },
      ],
      inferenceConfig: { maxTokens: 500 },
    })
  );
  return output.output!.message!.content![0].text!;
}

export async function detectLanguage(text: string): Promise<{ language: string; stop: string }> {
  const output = await client.send(
    new ConverseCommand({
      modelId: MODEL,
      messages: [
        {
          role: "user",
          content: [{ text: `Which language is this? One word.\n${text}` }],
        },
      ],
      inferenceConfig: { maxTokens: 10 },
    })
  );
  return { language: output.output!.message!.content![0].text!.trim(), stop: output.stopReason! };
}
