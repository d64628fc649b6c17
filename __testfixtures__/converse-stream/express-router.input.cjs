const express = require('express');
const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

/** POST /ask — streams the answer as server-sent events, then a summary event. */
async function ask(req, res) {
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Connection', 'keep-alive');

  const response = await bedrock.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      contentType: 'application/json',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 512,
        temperature: 0.7,
        messages: [{ role: 'user', content: req.body.question }],
      }),
    }),
  );

  let stopReason = 'unknown';
  for await (const event of response.body) {
    if (event.chunk) {
      const chunk = JSON.parse(Buffer.from(event.chunk.bytes).toString('utf8'));
      if (chunk.type === 'content_block_delta' && chunk.delta.type === 'text_delta') {
        res.write(`data: ${JSON.stringify({ text: chunk.delta.text })}\n\n`);
      } else if (chunk.type === 'message_delta') {
        stopReason = chunk.delta.stop_reason;
      } else if (chunk.type === 'message_stop') {
        const metrics = chunk['amazon-bedrock-invocationMetrics'];
        res.write(`event: done\ndata: ${JSON.stringify({ stopReason, tokens: chunk['amazon-bedrock-invocationMetrics'].outputTokenCount })}\n\n`);
        res.end();
      }
    } else if (event.serviceUnavailableException) {
      res.write('event: error\ndata: {"retry":true}\n\n');
      res.end();
    }
  }
}

const router = express.Router();
router.post('/ask', express.json(), ask);

module.exports = { router, ask };
