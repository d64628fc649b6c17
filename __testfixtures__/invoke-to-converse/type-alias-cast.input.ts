import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

// we only need a few fields of the Anthropic response
type AnthropicContent = { type: "text"; text: string };
type AnthropicResponse = {
  content: AnthropicContent[];
  stop_reason: "end_turn" | "max_tokens" | "stop_sequence";
  usage: { input_tokens: number; output_tokens: number };
};

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export const rewriteForKids = async (paragraph: string) => {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 350,
        messages: [{ role: "user", content: `Rewrite this so a 10 year old understands it:\n${paragraph}` }],
      }),
    }),
  );
  const parsed = JSON.parse(new TextDecoder().decode(response.body)) as AnthropicResponse;
  if (parsed.stop_reason === "max_tokens") {
    return { text: parsed.content[0].text + "…", complete: false };
  }
  return { text: parsed.content[0].text, complete: true };
};
