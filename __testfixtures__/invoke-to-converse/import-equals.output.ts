import br = require("@aws-sdk/client-bedrock-runtime");

const client = new br.BedrockRuntimeClient({ region: "us-east-1" });

export async function answer(question: string): Promise<string> {
  const resp = await client.send(
    new br.ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 256 },
    }),
  );
  return resp.output!.message!.content![0].text!;
}
