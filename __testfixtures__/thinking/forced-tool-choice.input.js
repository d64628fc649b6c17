import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function extractContact(text) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "global.anthropic.claude-sonnet-4-6",
      messages: [{ role: "user", content: [{ text }] }],
      inferenceConfig: { maxTokens: 4096 },
      toolConfig: {
        tools: [{ toolSpec: { name: "save_contact", inputSchema: { json: { type: "object" } } } }],
        toolChoice: { tool: { name: "save_contact" } },
      },
    })
  );
  return response.output.message.content.find((block) => block.toolUse).toolUse.input;
}
