import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export function translate(text: string, language: string): Promise<string> {
  return client
    .send(
      new InvokeModelCommand({
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 400,
          system: `Translate the user's text to ${language}. Reply with the translation only.`,
          messages: [{ role: "user", content: text }],
        }),
      }),
    )
    .then((output) => JSON.parse(new TextDecoder().decode(output.body)))
    .then((message) => {
      if (message.stop_reason === "max_tokens") throw new Error("translation cut off");
      return message.content[0].text as string;
    });
}
