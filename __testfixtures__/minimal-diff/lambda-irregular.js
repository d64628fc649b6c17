'use strict';

const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION });
const MODEL_ID = process.env.MODEL_ID || 'global.anthropic.claude-sonnet-4-6';

const headers = {
    'Content-Type': 'application/json',
    'Access-Control-Allow-Origin': '*',
};

exports.handler = async (event) => {
    const body = JSON.parse(event.body || '{}');
    if (!body.question) {
          return { statusCode: 400, headers, body: JSON.stringify({ error: 'question is required' }) };
    }

    const response = await client.send(new ConverseCommand({
          modelId: MODEL_ID,
          messages: [{ role: 'user', content: [{ text: body.question }] }],
          inferenceConfig: { maxTokens: 1024 },
    }));
    const answer = response.output.message.content[0].text;
    if (body.log) {
          console.log(JSON.stringify({
                level: 'info',
                tokens: response.usage.totalTokens,
          }));
    }
    return {
          statusCode: 200,
          headers,
          body: JSON.stringify({ answer }),
    };
};
