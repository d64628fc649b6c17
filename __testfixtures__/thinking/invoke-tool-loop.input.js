const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "global.anthropic.claude-haiku-4-5-20251001-v1:0";

const tools = [
  {
    name: "get_weather",
    description: "Get the current weather for a location",
    input_schema: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
  },
];

async function runAgent(question) {
  const messages = [{ role: "user", content: question }];
  for (let step = 0; step < 5; step++) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: MODEL_ID,
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 8192,
          tools,
          messages,
        }),
      })
    );
    const data = JSON.parse(new TextDecoder().decode(response.body));
    messages.push({ role: "assistant", content: data.content });
    if (data.stop_reason !== "tool_use") {
      return data.content.filter((b) => b.type === "text").map((b) => b.text).join("");
    }
    const results = data.content
      .filter((b) => b.type === "tool_use")
      .map((b) => ({ type: "tool_result", tool_use_id: b.id, content: `Sunny in ${b.input.location}` }));
    messages.push({ role: "user", content: results });
  }
  return null;
}

module.exports = { runAgent };
