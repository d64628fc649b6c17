import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const extractContact = {
  toolSpec: {
    name: "extract_contact",
    description: "Record the contact details found in the text.",
    inputSchema: {
      json: {
        type: "object",
        properties: { name: { type: "string" }, email: { type: "string" } },
        required: ["name"],
      },
    },
  },
};

// Structured extraction: force the tool and read its input.
export async function extract(text: string) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      messages: [{ role: "user", content: [{ text }] }],
      inferenceConfig: { maxTokens: 300 },
      toolConfig: { tools: [extractContact], toolChoice: { any: {} } },
    }),
  );
  const call = response.output!.message!.content!.find((block) => block.toolUse !== undefined);
  const firstText = response.output!.message!.content!.find((block) => block.text !== undefined);
  return {
    tool: call!.toolUse!.name!,
    callId: call!.toolUse!.toolUseId!,
    contact: call!.toolUse!.input as any,
    preamble: firstText ? firstText!.text! : null,
    stopped: response.stopReason!,
  };
}
