import { ConverseCommand, BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

// the bits of the API Gateway event we use
interface ApiEvent {
  body: string | null;
}

const client = new BedrockRuntimeClient({region: "us-east-1"});

const MODEL_ID = "anthropic.claude-3-sonnet-20240229-v1:0";

export async function handler(event: ApiEvent) {
    const { prompt } = JSON.parse(event.body || "{}");

    if (!prompt) {
      return { statusCode: 400, body: JSON.stringify({ error: "prompt is required" }) };
    }

    const command = new ConverseCommand({
        messages: [{ role: "user", content: [{ text: prompt }] }],
        inferenceConfig: { maxTokens: 1000 },
        modelId : MODEL_ID,
      });

      const response = await client.send(command);
      console.log("RESPONSE: ", response)

      const output = response.output!.message!.content![0].text!;

      return {
        statusCode: 200,
        body: JSON.stringify({ message: 'ok', output }),
      };
}
