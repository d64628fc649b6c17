const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const MODEL_ID = process.env.BEDROCK_MODEL_ID || "anthropic.claude-3-haiku-20240307-v1:0";
// USD per 1k tokens, from the pricing page (haiku)
const PRICE = { input: 0.00025, output: 0.00125 };

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function draftEmail(points) {
    const prompt = "Write a short, polite email covering these points:\n" + points.map(p => "- " + p).join("\n");
    const response = await client.send(new ConverseCommand({
        modelId: MODEL_ID,
        messages: [{ role: "user", content: [{ text: prompt }] }],
        inferenceConfig: { maxTokens: 600 }
    }));

    const cost = (response.usage.inputTokens / 1000) * PRICE.input + (response.usage.outputTokens / 1000) * PRICE.output;
    console.log(`draftEmail: ${response.usage.inputTokens} in / ${response.usage.outputTokens} out, ~$${cost.toFixed(6)}`);

    return response.output.message.content[0].text;
}

module.exports.draftEmail = draftEmail;
