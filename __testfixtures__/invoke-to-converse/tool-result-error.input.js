const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const lookupTool = {
  name: "lookup_order",
  description: "Look up an order by id",
  input_schema: { type: "object", properties: { orderId: { type: "string" } }, required: ["orderId"] },
};

// Replays a conversation in which the previous tool call failed, and asks the model to recover.
async function recoverFromToolError(orderId, errorMessage) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 600,
        tools: [lookupTool],
        messages: [
          { role: "user", content: `Where is my order ${orderId}?` },
          {
            role: "assistant",
            content: [
              { type: "text", text: "Let me check that order." },
              { type: "tool_use", id: "toolu_01", name: "lookup_order", input: { orderId } },
            ],
          },
          {
            role: "user",
            content: [
              { type: "tool_result", tool_use_id: "toolu_01", content: errorMessage, is_error: true },
            ],
          },
        ],
      }),
    }),
  );
  const reply = JSON.parse(new TextDecoder().decode(response.body));
  return reply.content.map((part) => part.text).join("");
}

module.exports = { recoverFromToolError };
