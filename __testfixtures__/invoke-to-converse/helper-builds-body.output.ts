import { BedrockRuntimeClient, ConverseCommand, type ConverseCommandInput } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

function buildRequest(prompt: string, maxTokens: number): Omit<ConverseCommandInput, "modelId"> {
  return {
    messages: [{ role: "user", content: [{ text: prompt }] }],
    system: [{ text: "Answer in one short paragraph." }],
    inferenceConfig: { maxTokens },
  };
}

export async function explain(concept: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      ...buildRequest(`Explain ${concept}`, 300),
    }),
  );
  return response.output!.message!.content![0].text!;
}
