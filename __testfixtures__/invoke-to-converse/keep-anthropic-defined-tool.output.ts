import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });

export async function editFile(instruction: string) {
  // TODO(bedrock-claude-codemod): InvokeModel call kept: tools: Anthropic-defined tool "text_editor_20250728" has no Converse toolSpec
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 2048,
        tools: [{ type: "text_editor_20250728", name: "str_replace_based_edit_tool" }],
        messages: [{ role: "user", content: instruction }],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.content;
}
