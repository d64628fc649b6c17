// Streams a reply the way the Bedrock user guide shows it, printing as it arrives.
const {
  BedrockRuntimeClient,
  ConverseStreamCommand,
} = require("@aws-sdk/client-bedrock-runtime");

const modelId = "anthropic.claude-3-haiku-20240307-v1:0";

async function invokeModel(prompt, onText) {
  const client = new BedrockRuntimeClient({ region: "us-east-1" });

  const command = new ConverseStreamCommand({
    messages: [{ role: "user", content: [{ text: prompt }] }],
    inferenceConfig: { maxTokens: 1000 },
    modelId,
  });
  const apiResponse = await client.send(command);

  let completeMessage = "";

  // Decode and process the response stream
  for await (const item of apiResponse.stream) {
    if (item.contentBlockDelta) {
      const text = item.contentBlockDelta.delta.text;
      completeMessage = completeMessage + text;
      onText(text);
    }
  }

  // Return the final response
  return completeMessage;
}

module.exports = { invokeModel };
