import express from 'express';
import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

/** Relays the model's answer as server-sent events; `send` receives each SSE frame. */
export async function relayAnswer(prompt: string, send: (frame: string) => void): Promise<void> {
  const { stream: body } = await bedrock.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
      messages: [{ role: 'user', content: [{ text: prompt }] }],
      inferenceConfig: { maxTokens: 800 },
    }),
  );
  if (!body) throw new Error('Bedrock returned no stream');

  for await (const event of body) {
    if (event.internalServerException) throw event.internalServerException;

    if (event.contentBlockDelta?.delta?.text) {
      send(`data: ${JSON.stringify({ text: event.contentBlockDelta.delta.text })}\n\n`);
    } else if (event.messageStop) {
      send(`event: stop\ndata: ${JSON.stringify({ reason: event.messageStop.stopReason! })}\n\n`);
      send('data: [DONE]\n\n');
    }
  }
}

export const app = express();
app.use(express.json());

app.post('/chat', async (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache');
  try {
    await relayAnswer(String(req.body.prompt), (frame) => res.write(frame));
  } catch (err) {
    res.write(`event: error\ndata: ${JSON.stringify({ message: (err as Error).message })}\n\n`);
  }
  res.end();
});
