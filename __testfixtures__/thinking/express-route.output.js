const express = require("express");
const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const router = express.Router();
const bedrock = new BedrockRuntimeClient({ region: "us-east-1" });

async function summarizeHandler(req, res) {
  const result = await bedrock.send(
    new InvokeModelCommand({
      modelId: "global.anthropic.claude-opus-4-5-20251101-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 3000,
        temperature: 1,
        messages: [{ role: "user", content: `Summarize: ${req.body.text}` }],
        thinking: { type: "enabled", budget_tokens: 2048 },
      }),
    })
  );
  const parsed = JSON.parse(Buffer.from(result.body).toString("utf8"));
  res.json({ summary: parsed.content.find((block) => block.type === "text").text, usage: parsed.usage });
}

router.post("/summarize", summarizeHandler);

module.exports = { router, summarizeHandler };
