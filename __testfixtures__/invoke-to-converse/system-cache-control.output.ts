import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const STYLE_GUIDE = `Our house style:
- short sentences
- no passive voice
- British spelling`;

export async function edit(draft: string) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-7-sonnet-20250219-v1:0",
      messages: [
        {
          role: "user",
          content: [
            { text: draft },
            { cachePoint: { type: "default", ttl: "1h" } },
            { text: "Edit the draft above." },
          ],
        },
      ],
      system: [
        { text: "You are a copy editor." },
        { text: STYLE_GUIDE },
        { cachePoint: { type: "default" } },
      ],
      inferenceConfig: { maxTokens: 1500 },
    }),
  );
  return {
    text: response.output!.message!.content![0].text!,
    cacheRead: response.usage!.cacheReadInputTokens ?? 0,
    cacheWrite: response.usage!.cacheWriteInputTokens ?? 0,
  };
}
