import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export interface ChatTurn {
  role: "user" | "assistant";
  content: string | Array<{ type: string; [key: string]: unknown }>;
}

/** Used by the web app and the Slack bot: both keep their history in the Anthropic format. */
export async function askWithHistory(history: ChatTurn[], question: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-haiku-20241022-v1:0",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 800,
        system: "You are the support assistant of Acme Cloud.",
        messages: [...history, { role: "user", content: question }],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.content[0].text;
}
