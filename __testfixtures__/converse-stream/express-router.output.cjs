const express = require('express');
const { BedrockRuntimeClient, ConverseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const bedrock = new BedrockRuntimeClient({ region: 'us-east-1' });

/** POST /ask — streams the answer as server-sent events, then a summary event. */
async function ask(req, res) {
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Connection', 'keep-alive');

  const response = await bedrock.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
      messages: [{ role: 'user', content: [{ text: req.body.question }] }],
      inferenceConfig: { maxTokens: 512, temperature: 0.7 },
    }),
  );

  let stopReason = 'unknown';
  for await (const event of response.stream) {
    if (event.contentBlockDelta?.delta?.text !== undefined) {
      res.write(`data: ${JSON.stringify({ text: event.contentBlockDelta.delta.text })}\n\n`);
    } else if (event.messageStop) {
      stopReason = event.messageStop.stopReason;
    } else if (event.metadata) {
      res.write(`event: done\ndata: ${JSON.stringify({ stopReason, tokens: event.metadata.usage.outputTokens })}\n\n`);
      res.end();
    } else if (event.serviceUnavailableException) {
      res.write('event: error\ndata: {"retry":true}\n\n');
      res.end();
    }
  }
}

const router = express.Router();
router.post('/ask', express.json(), ask);

module.exports = { router, ask };
