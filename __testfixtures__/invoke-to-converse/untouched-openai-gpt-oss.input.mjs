import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });
const MODEL = "openai.gpt-oss-120b-1:0";

export async function ask(question) {
  const body = {
    messages: [{ role: "user", content: question }],
    max_completion_tokens: 500,
  };
  const response = await client.send(new InvokeModelCommand({ modelId: MODEL, body: JSON.stringify(body) }));
  return JSON.parse(new TextDecoder().decode(response.body)).choices[0].message.content;
}
