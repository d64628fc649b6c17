const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function brainstorm(topic) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [
        {
          role: "user",
          content: [
            { text: `Brainstorm ideas about ${topic}. Finish with END.` },
          ],
        },
      ],
      inferenceConfig: {
        maxTokens: 400,
        temperature: 0.9,
        topP: 0.95,
        stopSequences: ["END", "\n\nHuman:"],
      },
      additionalModelRequestFields: { top_k: 250 },
    }),
  );
  if (response.stopReason === "stop_sequence") {
    return { ideas: response.output.message.content[0].text, complete: true };
  }
  return { ideas: response.output.message.content[0].text, complete: false };
}

module.exports = { brainstorm };
