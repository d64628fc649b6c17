import express from 'express';
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const app = express();
const client = new BedrockRuntimeClient({ region: 'us-east-1' });

// The browser client parses Anthropic stream events itself.
app.post('/stream', express.json(), async (req, res) => {
  res.set({ 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: the whole Anthropic event `chunk` is passed on (`res.write(…)`) to code that…
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      body: JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 1024, messages: req.body.messages }),
    }),
  );
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    res.write(`event: ${chunk.type}\ndata: ${JSON.stringify(chunk)}\n\n`);
  }
  res.end();
});

export default app;
