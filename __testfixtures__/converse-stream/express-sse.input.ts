import express from 'express';
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

/** Relays the model's answer as server-sent events; `send` receives each SSE frame. */
export async function relayAnswer(prompt: string, send: (frame: string) => void): Promise<void> {
  const { body } = await bedrock.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 800,
        messages: [{ role: 'user', content: prompt }],
      }),
    }),
  );
  if (!body) throw new Error('Bedrock returned no stream');

  for await (const event of body) {
    if (event.internalServerException) throw event.internalServerException;
    const bytes = event.chunk?.bytes;
    if (!bytes) continue;
    const data = JSON.parse(new TextDecoder().decode(bytes));
    if (data.type === 'content_block_delta' && data.delta?.text) {
      send(`data: ${JSON.stringify({ text: data.delta.text })}\n\n`);
    } else if (data.type === 'message_delta') {
      send(`event: stop\ndata: ${JSON.stringify({ reason: data.delta.stop_reason })}\n\n`);
    } else if (data.type === 'message_stop') {
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
