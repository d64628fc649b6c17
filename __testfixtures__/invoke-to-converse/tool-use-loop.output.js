const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0";

const tools = [
  {
    toolSpec: {
      name: "get_weather",
      description: "Get the current weather for a location",
      inputSchema: {
        json: {
          type: "object",
          properties: {
            location: { type: "string", description: "City and state, e.g. Seattle, WA" },
            unit: { type: "string", enum: ["celsius", "fahrenheit"] },
          },
          required: ["location"],
        },
      },
    },
  },
];

function getWeather(location, unit) {
  return `12 degrees ${unit || "celsius"} and raining in ${location}`;
}

async function runAgent(question) {
  const messages = [{ role: "user", content: [{ text: question }] }];
  for (let step = 0; step < 5; step++) {
    const response = await client.send(
      new ConverseCommand({
        modelId: MODEL_ID,
        messages,
        inferenceConfig: { maxTokens: 1024 },
        toolConfig: { tools },
      }),
    );
    messages.push({ role: "assistant", content: response.output.message.content });

    if (response.stopReason !== "tool_use") {
      return response.output.message.content
        .filter((block) => block.text !== undefined)
        .map((block) => block.text)
        .join("");
    }

    const results = [];
    for (const block of response.output.message.content) {
      if (block.toolUse !== undefined) {
        results.push({
          toolResult: {
            toolUseId: block.toolUse.toolUseId,
            content: [
              { text: getWeather(block.toolUse.input.location, block.toolUse.input.unit) },
            ],
          },
        });
      }
    }
    messages.push({ role: "user", content: results });
  }
  throw new Error("too many steps");
}

module.exports = { runAgent };
