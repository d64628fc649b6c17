import express from "express";
import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntimeClient({ region: "us-east-1" });

export async function reviewCode(code: string, language: string) {
  const response = await bedrock.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 2048,
        temperature: 0.1,
        system: `You review ${language} code. Reply with a short list of problems.`,
        messages: [
          {
            role: "user",
            content: [{ type: "text", text: "```" + language + "\n" + code + "\n```" }],
          },
        ],
      }),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(response.body));
  const review = message.content
    .filter((block: any) => block.type === "text")
    .map((block: any) => block.text)
    .join("\n");
  return { review, truncated: message.stop_reason === "max_tokens" };
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
