const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION || "us-east-1" });

async function classify(ticket) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 4096,
        top_k: 40,
        system: "Answer with one word: billing, bug or other.",
        messages: [{ role: "user", content: ticket }],
      }),
    })
  );
  const body = JSON.parse(new TextDecoder().decode(response.body));
  return body.content[0].text.trim().toLowerCase();
}

module.exports = { classify };
