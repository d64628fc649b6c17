'use strict';

const express = require('express');
const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const router = express.Router();
const client = new BedrockRuntimeClient({ region: 'us-east-1' });

const MODEL_ID = 'anthropic.claude-3-5-sonnet-20241022-v2:0';

async function generateReply(req, res) {
	const { question, context } = req.body || {};
	if (!question) return res.status(400).json({ error: 'question is required' });

	try {
		const body = {
			anthropic_version: 'bedrock-2023-05-31',
			max_tokens: 800,
			system: 'You are a support agent for Acme. Use the context when it helps.',
			messages: [
				{ role: 'user', content: `Context:\n${context || '(none)'}\n\nQuestion: ${question}` },
			],
		};

		const result = await client.send(new InvokeModelCommand({
			modelId: MODEL_ID,
			contentType: 'application/json',
			body: JSON.stringify(body),
		}));

		const data = JSON.parse(Buffer.from(result.body).toString());
		res.json({
			answer: data.content[0].text,
			usage: { in: data.usage.input_tokens, out: data.usage.output_tokens },
		});
	} catch (err) {
		console.error('bedrock failed', err);
		res.status(500).json({ error: err.message });
	}
}

router.post('/support/reply', generateReply);

module.exports = { router, generateReply };
