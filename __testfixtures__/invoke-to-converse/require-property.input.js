const BedrockRuntimeClient = require("@aws-sdk/client-bedrock-runtime").BedrockRuntimeClient;
const InvokeModelCommand = require("@aws-sdk/client-bedrock-runtime").InvokeModelCommand;

const bedrock = new BedrockRuntimeClient({ region: "us-east-1" });

exports.translate = async function translate(text, language) {
  const res = await bedrock.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 400,
        messages: [
          { role: "user", content: "Translate into " + language + ": " + text },
        ],
      }),
    }),
  );
  const parsed = JSON.parse(new TextDecoder("utf-8").decode(res.body));
  return parsed.content[0].text;
};
