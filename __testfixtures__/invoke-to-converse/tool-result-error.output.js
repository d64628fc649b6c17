const { BedrockRuntimeClient, ConverseCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const lookupTool = {
  toolSpec: {
    name: "lookup_order",
    description: "Look up an order by id",
    inputSchema: {
      json: { type: "object", properties: { orderId: { type: "string" } }, required: ["orderId"] },
    },
  },
};

// Replays a conversation in which the previous tool call failed, and asks the model to recover.
async function recoverFromToolError(orderId, errorMessage) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      messages: [
        { role: "user", content: [{ text: `Where is my order ${orderId}?` }] },
        {
          role: "assistant",
          content: [
            { text: "Let me check that order." },
            {
              toolUse: {
                toolUseId: "toolu_01",
                name: "lookup_order",
                input: { orderId },
              },
            },
          ],
        },
        {
          role: "user",
          content: [
            {
              toolResult: {
                toolUseId: "toolu_01",
                content: [{ text: errorMessage }],
                status: "error",
              },
            },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 600 },
      toolConfig: { tools: [lookupTool] },
    }),
  );
  return response.output.message.content.map((part) => part.text).join("");
}

module.exports = { recoverFromToolError };
