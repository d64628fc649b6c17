const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "anthropic.claude-3-5-sonnet-20240620-v1:0";

const tools = [
  {
    name: "get_weather",
    description: "Get the current weather for a location",
    input_schema: {
      type: "object",
      properties: {
        location: { type: "string", description: "City and state, e.g. Seattle, WA" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      },
      required: ["location"],
    },
  },
];

function getWeather(location, unit) {
  return `12 degrees ${unit || "celsius"} and raining in ${location}`;
}

async function runAgent(question) {
  const messages = [{ role: "user", content: question }];
  for (let step = 0; step < 5; step++) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: MODEL_ID,
        contentType: "application/json",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 1024,
          tools,
          messages,
        }),
      }),
    );
    const data = JSON.parse(new TextDecoder().decode(response.body));
    messages.push({ role: "assistant", content: data.content });

    if (data.stop_reason !== "tool_use") {
      return data.content
        .filter((block) => block.type === "text")
        .map((block) => block.text)
        .join("");
    }

    const results = [];
    for (const block of data.content) {
      if (block.type === "tool_use") {
        results.push({
          type: "tool_result",
          tool_use_id: block.id,
          content: getWeather(block.input.location, block.input.unit),
        });
      }
    }
    messages.push({ role: "user", content: results });
  }
  throw new Error("too many steps");
}

module.exports = { runAgent };
