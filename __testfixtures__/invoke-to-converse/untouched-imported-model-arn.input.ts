import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ARN = "arn:aws:bedrock:us-east-1:123456789012:imported-model/abcd1234efgh";

function buildBody(question: string) {
  return {
    messages: [{ role: "user", content: question }],
    max_tokens: 256,
    temperature: 0.1,
  };
}

export async function askImported(question: string): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: MODEL_ARN,
      contentType: "application/json",
      body: JSON.stringify(buildBody(question)),
    }),
  );
  const json = JSON.parse(new TextDecoder().decode(response.body));
  return json.choices[0].message.content;
}
