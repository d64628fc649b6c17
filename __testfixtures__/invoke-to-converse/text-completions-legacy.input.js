const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function legacyComplete(question) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-v2:1",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        prompt: `\n\nHuman: ${question}\n\nAssistant:`,
        max_tokens_to_sample: 300,
        temperature: 0.5,
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.completion.trim();
}

module.exports = { legacyComplete };
