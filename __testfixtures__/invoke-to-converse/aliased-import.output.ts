import {
  BedrockRuntimeClient as Bedrock,
  ConverseCommand,
} from "@aws-sdk/client-bedrock-runtime";

const llm = new Bedrock({ region: "us-west-2" });

export async function extractKeywords(article: string): Promise<string[]> {
  const reply = await llm.send(
    new ConverseCommand({
      modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
      messages: [
        {
          role: "user",
          content: [
            { text: `List five keywords, comma separated:\n${article}` },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 100, stopSequences: ["\n\n"] },
    }),
  );
  return reply.output!.message!.content![0].text!.split(",").map((k: string) => k.trim());
}
