'use strict';

const express = require('express');
const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');

const router = express.Router();
const client = new BedrockRuntimeClient({ region: 'us-east-1' });

const MODEL_ID = 'anthropic.claude-3-5-sonnet-20241022-v2:0';

async function generateReply(req, res) {
	const { question, context } = req.body || {};
	if (!question) return res.status(400).json({ error: 'question is required' });

	try {
		const result = await client.send(new ConverseCommand({
			modelId: MODEL_ID,
			messages: [
				{
					role: 'user',
					content: [
						{
							text: `Context:\n${context || '(none)'}\n\nQuestion: ${question}`,
						},
					],
				},
			],
			system: [
				{
					text: 'You are a support agent for Acme. Use the context when it helps.',
				},
			],
			inferenceConfig: { maxTokens: 800 },
		}));

		res.json({
			answer: result.output.message.content[0].text,
			usage: { in: result.usage.inputTokens, out: result.usage.outputTokens },
		});
	} catch (err) {
		console.error('bedrock failed', err);
		res.status(500).json({ error: err.message });
	}
}

router.post('/support/reply', generateReply);

module.exports = { router, generateReply };
