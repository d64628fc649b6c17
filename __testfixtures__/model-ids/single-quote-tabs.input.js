const { BedrockRuntimeClient, ConverseCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

async function tag(text) {
	const res = await client.send(
		new ConverseCommand({
			modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
			messages: [{ role: 'user', content: [{ text: 'Tag: ' + text }] }],
			inferenceConfig: { maxTokens: 50 },
		}),
	);
	return res.output.message.content[0].text;
}

module.exports = { tag };
