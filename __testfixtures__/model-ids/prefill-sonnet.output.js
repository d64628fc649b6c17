const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });
// TODO(bedrock-claude-codemod): Claude 3.5 Sonnet (retired) has no replacement: Claude Sonnet 4.6 rejects an assistant prefill (400), as do newer ones
const MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0";

// The answer continues the prefilled "<summary>" tag.
async function summarize(text) {
  const messages = [
    { role: "user", content: `Summarize inside <summary> tags:\n${text}` },
    { role: "assistant", content: "<summary>" },
  ];
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ID,
      body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 300, messages }),
    })
  );
  const body = JSON.parse(Buffer.from(response.body).toString("utf8"));
  return body.content[0].text.split("</summary>")[0].trim();
}

module.exports = { summarize };
