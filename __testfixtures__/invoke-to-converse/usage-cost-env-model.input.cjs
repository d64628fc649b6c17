const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const MODEL_ID = process.env.BEDROCK_MODEL_ID || "anthropic.claude-3-haiku-20240307-v1:0";
// USD per 1k tokens, from the pricing page (haiku)
const PRICE = { input: 0.00025, output: 0.00125 };

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function draftEmail(points) {
    const prompt = "Write a short, polite email covering these points:\n" + points.map(p => "- " + p).join("\n");
    const response = await client.send(new InvokeModelCommand({
        modelId: MODEL_ID,
        contentType: "application/json",
        accept: "application/json",
        body: JSON.stringify({
            anthropic_version: "bedrock-2023-05-31",
            max_tokens: 600,
            messages: [{ role: "user", content: prompt }]
        })
    }));
    const result = JSON.parse(new TextDecoder("utf-8").decode(response.body));

    const cost = (result.usage.input_tokens / 1000) * PRICE.input + (result.usage.output_tokens / 1000) * PRICE.output;
    console.log(`draftEmail: ${result.usage.input_tokens} in / ${result.usage.output_tokens} out, ~$${cost.toFixed(6)}`);

    return result.content[0].text;
}

module.exports.draftEmail = draftEmail;
