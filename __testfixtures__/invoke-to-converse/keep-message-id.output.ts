import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function auditedAnswer(question: string) {
  // TODO(bedrock-claude-codemod): InvokeModel call kept: response field "id" has no Converse equivalent
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 100,
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  const message = JSON.parse(new TextDecoder().decode(response.body));
  console.log(`audit: message ${message.id} from ${message.model}`);
  return message.content[0].text;
}
