import express from "express";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntimeClient({ region: "us-east-1" });

export async function reviewCode(code: string, language: string) {
  const response = await bedrock.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      messages: [
        {
          role: "user",
          content: [{ text: "```" + language + "\n" + code + "\n```" }],
        },
      ],
      system: [
        {
          text: `You review ${language} code. Reply with a short list of problems.`,
        },
      ],
      inferenceConfig: { maxTokens: 2048, temperature: 0.1 },
    }),
  );
  const review = response.output!.message!.content!
    .filter((block) => block.text !== undefined)
    .map((block) => block.text!)
    .join("\n");
  return { review, truncated: response.stopReason === "max_tokens" };
}

export const router = express.Router();

router.post("/review", async (req, res) => {
  try {
    const result = await reviewCode(req.body.code, req.body.language ?? "typescript");
    res.json(result);
  } catch (err) {
    res.status(500).json({ error: (err as Error).message });
  }
});
