const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function rewrite(text, tone) {
  const body = {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 500,
    messages: [{ role: "user", content: text }],
  };
  body.system = `Rewrite the user's text in a ${tone} tone.`;
  body.temperature = 0.7;

  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify(body),
    }),
  );
  const json = JSON.parse(new TextDecoder().decode(response.body));
  return json.content[0].text;
}

module.exports = { rewrite };
