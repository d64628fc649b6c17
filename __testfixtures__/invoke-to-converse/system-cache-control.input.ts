import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const STYLE_GUIDE = `Our house style:
- short sentences
- no passive voice
- British spelling`;

export async function edit(draft: string) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-7-sonnet-20250219-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1500,
        system: [
          { type: "text", text: "You are a copy editor." },
          { type: "text", text: STYLE_GUIDE, cache_control: { type: "ephemeral" } },
        ],
        messages: [
          {
            role: "user",
            content: [
              { type: "text", text: draft, cache_control: { type: "ephemeral", ttl: "1h" } },
              { type: "text", text: "Edit the draft above." },
            ],
          },
        ],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return {
    text: result.content[0].text,
    cacheRead: result.usage.cache_read_input_tokens ?? 0,
    cacheWrite: result.usage.cache_creation_input_tokens ?? 0,
  };
}
