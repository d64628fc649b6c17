const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const history = [];

function saveTranscript(messages) {
  return JSON.stringify(messages.map((m) => `${m.role}: ${m.content}`));
}

async function chat(text) {
  history.push({ role: "user", content: text });
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 300, messages: history }),
    }),
  );
  const reply = JSON.parse(new TextDecoder().decode(response.body)).content[0].text;
  history.push({ role: "assistant", content: reply });
  return reply;
}

function transcript() {
  // The transcript reads the messages as Anthropic messages with string content.
  return saveTranscript(history);
}

module.exports = { chat, transcript };
