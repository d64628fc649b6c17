import express from "express";
import AnthropicBedrock from "@anthropic-ai/bedrock-sdk";

const app = express();
app.use(express.json());

const claude = new AnthropicBedrock({ awsRegion: process.env.AWS_REGION });
const MODEL = process.env.CLAUDE_MODEL ?? "global.anthropic.claude-sonnet-4-5-20250929-v1:0";

app.post("/api/chat", async (req, res, next) => {
  try {
    const { history = [], message } = req.body;
    const reply = await claude.messages.create({
      model: MODEL,
      max_tokens: 1024,
      messages: [...history, { role: "user", content: message }],
    });

    if (reply.stop_reason === "refusal") {
      throw new Error(`Claude refused the request (stop reason: refusal, model: ${MODEL})`);
    }

    const text = reply.content
      .filter((block) => block.type === "text")
      .map((block) => block.text)
      .join("\n");
    res.json({ text, history: [...history, { role: "user", content: message }, { role: "assistant", content: reply.content }] });
  } catch (err) {
    next(err);
  }
});

export default app;
