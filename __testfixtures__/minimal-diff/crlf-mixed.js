// Written on Windows; the helpers below came from two different projects.
const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "eu-west-1" });

function buildPrompt(product) {
	return `Write a product description.
    Name: ${product.name}
    Price: ${product.price}
    Keep it under 80 words.`;
}

async function describe(product) {
	const response = await client.send(
		new InvokeModelCommand({
			modelId: "eu.anthropic.claude-3-haiku-20240307-v1:0",
			body: JSON.stringify({
				anthropic_version: "bedrock-2023-05-31",
				max_tokens: 400,
				messages: [{ role: "user", content: buildPrompt(product) }],
			}),
		}),
	);
	const parsed = JSON.parse(new TextDecoder().decode(response.body));
	return parsed.content[0].text;
}

// Pricing helper, indented with spaces.
function priceLabel(product, currency) {
    const formatter = new Intl.NumberFormat("de-DE", {
        style: "currency",
        currency,
    });
    return formatter.format(product.price);
}

module.exports = { describe, priceLabel };
