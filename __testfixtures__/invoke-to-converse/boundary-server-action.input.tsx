"use server";

import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? "us-east-1" });

export type UiMessage = { role: "user" | "assistant"; content: string };

/** Called from the chat form: the client component keeps the conversation. */
export async function continueChat(messages: UiMessage[]): Promise<UiMessage> {
  const response = await bedrock.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1024,
        messages: messages.map((m) => ({ role: m.role, content: [{ type: "text", text: m.content }] })),
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return { role: "assistant", content: result.content[0].text };
}
