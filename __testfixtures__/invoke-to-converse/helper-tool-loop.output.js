// A tool-use loop around a small helper that sends the conversation so far.
const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const tools = [
  {
    toolSpec: {
      name: "get_weather",
      description: "Current weather for a location",
      inputSchema: {
        json: {
          type: "object",
          properties: { location: { type: "string" }, unit: { type: "string" } },
          required: ["location"],
        },
      },
    },
  },
];

async function callClaude(messages) {
  const res = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      messages,
      inferenceConfig: { maxTokens: 512 },
      toolConfig: { tools },
    }),
  );
  return res;
}

async function weatherAgent(question) {
  const messages = [{ role: "user", content: [{ text: question }] }];
  let reply = await callClaude(messages);
  let turns = 1;
  while (reply.stopReason === "tool_use") {
    const call = reply.output.message.content.find((block) => block.toolUse !== undefined);
    const answer = `Rainy, 12 degrees ${call.toolUse.input.unit || "celsius"} in ${call.toolUse.input.location}`;
    messages.push({ role: "assistant", content: reply.output.message.content });
    messages.push({
      role: "user",
      content: [
        {
          toolResult: {
            toolUseId: call.toolUse.toolUseId,
            content: [{ text: answer }],
          },
        },
      ],
    });
    reply = await callClaude(messages);
    turns++;
  }
  const text = reply.output.message.content.filter((block) => block.text !== undefined).map((block) => block.text).join("");
  return { text, turns, history: messages.length };
}

module.exports = { weatherAgent };
