const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const tools = [
  {
    name: "lookup_order",
    description: "Looks up an order by its number",
    input_schema: { type: "object", properties: { orderId: { type: "string" } }, required: ["orderId"] },
  },
];

async function lookupOrder(orderId) {
  return { orderId, status: "shipped" };
}

/** Answers a customer question, calling tools until Claude gives its final answer. */
async function answer(question) {
  const messages = [{ role: "user", content: question }];
  for (let turn = 0; turn < 4; turn++) {
    const response = await client.send(
      new InvokeModelCommand({
        modelId: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        body: JSON.stringify({ anthropic_version: "bedrock-2023-05-31", max_tokens: 800, tools, messages }),
      })
    );
    const message = JSON.parse(new TextDecoder().decode(response.body));

    if (message.stop_reason === "refusal") {
      throw new Error(
        "Claude refused the request (stop reason: refusal, model: us.anthropic.claude-sonnet-4-5-20250929-v1:0)"
      );
    }

    messages.push({ role: "assistant", content: message.content });
    if (message.stop_reason !== "tool_use") {
      return message.content.filter((block) => block.type === "text").map((block) => block.text).join("");
    }
    const results = [];
    for (const block of message.content) {
      if (block.type === "tool_use") {
        const result = await lookupOrder(block.input.orderId);
        results.push({ type: "tool_result", tool_use_id: block.id, content: JSON.stringify(result) });
      }
    }
    messages.push({ role: "user", content: results });
  }
  throw new Error("no answer after 4 turns");
}

module.exports = { answer };
