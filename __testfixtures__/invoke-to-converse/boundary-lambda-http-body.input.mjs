import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});
const tools = [
  {
    name: "lookup_order",
    description: "Looks up an order by its number.",
    input_schema: { type: "object", properties: { orderId: { type: "string" } }, required: ["orderId"] },
  },
];

// API Gateway → Lambda: the browser keeps the conversation and posts it in the Anthropic format.
export const handler = async (event) => {
  const { messages, system } = JSON.parse(event.body);
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1024,
        system,
        tools,
        messages,
      }),
    }),
  );
  const reply = JSON.parse(new TextDecoder().decode(response.body));
  const text = reply.content.filter((b) => b.type === "text").map((b) => b.text).join("");
  return { statusCode: 200, body: JSON.stringify({ text, stopReason: reply.stop_reason }) };
};
