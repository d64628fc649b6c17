const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const tools = [
  {
    name: "search_docs",
    description: "Search the documentation",
    input_schema: { type: "object", properties: { query: { type: "string" } }, required: ["query"] },
  },
];

async function answerWithoutTools(question) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 500,
        tools,
        tool_choice: { type: "none" },
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  return JSON.parse(new TextDecoder().decode(response.body)).content[0].text;
}

module.exports = { answerWithoutTools, tools };
