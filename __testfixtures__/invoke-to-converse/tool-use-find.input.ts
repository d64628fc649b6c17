import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const extractContact = {
  name: "extract_contact",
  description: "Record the contact details found in the text.",
  input_schema: {
    type: "object",
    properties: { name: { type: "string" }, email: { type: "string" } },
    required: ["name"],
  },
};

// Structured extraction: force the tool and read its input.
export async function extract(text: string) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 300,
        tools: [extractContact],
        tool_choice: { type: "any" },
        messages: [{ role: "user", content: text }],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  const call = result.content.find((block: { type: string }) => block.type === "tool_use");
  const firstText = result.content.find((block: any) => block.type === "text");
  return {
    tool: call.name,
    callId: call.id,
    contact: call.input,
    preamble: firstText ? firstText.text : null,
    stopped: result.stop_reason,
  };
}
