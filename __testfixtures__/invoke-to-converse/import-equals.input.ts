import br = require("@aws-sdk/client-bedrock-runtime");

const client = new br.BedrockRuntimeClient({ region: "us-east-1" });

export async function answer(question: string): Promise<string> {
  const resp = await client.send(
    new br.InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 256,
        messages: [{ role: "user", content: question }],
      }),
    }),
  );
  const json = JSON.parse(resp.body.transformToString("utf-8"));
  return json.content[0].text;
}
