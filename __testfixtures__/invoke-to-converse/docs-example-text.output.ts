// Use the native inference API to send a text message to Anthropic Claude.
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

// Create a Bedrock Runtime client in the AWS Region of your choice.
const client = new BedrockRuntimeClient({ region: "us-east-1" });

// Set the model ID, e.g., Claude 3 Haiku.
const modelId = "anthropic.claude-3-haiku-20240307-v1:0";

export async function describeStory(prompt: string): Promise<string> {
  // Invoke the model with the payload and wait for the response.
  const command = new ConverseCommand({
    messages: [{ role: "user", content: [{ text: prompt }] }],
    inferenceConfig: { maxTokens: 512, temperature: 0.5 },
    modelId,
  });
  const apiResponse = await client.send(command);

  return apiResponse.output!.message!.content![0].text!;
}
