import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntime({ region: process.env.AWS_REGION ?? "us-west-2" });

const SYSTEM = "You review pull request descriptions. Reply with at most three bullet points.";

/** Used by app/api/review/route.ts: `return Response.json({ review: await reviewDescription(body.text) })`. */
export async function reviewDescription(description: string): Promise<string> {
  const result = await bedrock.converse({
    modelId: "global.anthropic.claude-sonnet-4-6",
    system: [{ text: SYSTEM }],
    messages: [{ role: "user", content: [{ text: description }] }],
    inferenceConfig: { maxTokens: 800, temperature: 0.2 },
  });
  return result.output?.message?.content?.[0]?.text ?? "";
}
