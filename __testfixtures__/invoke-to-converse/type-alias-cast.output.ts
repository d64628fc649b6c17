import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

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
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      messages: [
        {
          role: "user",
          content: [
            {
              text: `Rewrite this so a 10 year old understands it:\n${paragraph}`,
            },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 350 },
    }),
  );
  if (response.stopReason === "max_tokens") {
    return { text: response.output!.message!.content![0].text! + "…", complete: false };
  }
  return { text: response.output!.message!.content![0].text!, complete: true };
};
