import express from "express";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const app = express();
app.use(express.json());

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const DEFAULT_MODEL = "eu.anthropic.claude-sonnet-4-6";

app.post("/api/chat", async (req, res) => {
  const { message, model = DEFAULT_MODEL } = req.body as { message: string; model?: string };
  try {
    const out = await client.send(
      new ConverseCommand({
        modelId: model,
        messages: [{ role: "user", content: [{ text: message }] }],
        inferenceConfig: { maxTokens: 1000 },
      }),
    );
    res.json({ reply: out.output?.message?.content?.[0]?.text ?? "" });
  } catch (err) {
    res.status(502).json({ error: String(err) });
  }
});

export default app;
