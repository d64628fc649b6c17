const BedrockRuntimeClient = require("@aws-sdk/client-bedrock-runtime").BedrockRuntimeClient;
const ConverseCommand = require("@aws-sdk/client-bedrock-runtime").ConverseCommand;

const bedrock = new BedrockRuntimeClient({ region: "us-east-1" });

exports.translate = async function translate(text, language) {
  const res = await bedrock.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [
        {
          role: "user",
          content: [{ text: "Translate into " + language + ": " + text }],
        },
      ],
      inferenceConfig: { maxTokens: 400 },
    }),
  );
  return res.output.message.content[0].text;
};
