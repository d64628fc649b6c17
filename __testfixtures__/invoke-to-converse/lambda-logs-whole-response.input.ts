import { InvokeModelCommand, BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

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

    const payload = {
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1000,
        messages: [
          {
            role: "user",
            content: [{ type: "text", text: prompt }],
          },
        ],
      };

      const command = new InvokeModelCommand({
        contentType: "application/json",
        body: JSON.stringify(payload),
        modelId : MODEL_ID,
      });

      const response = await client.send(command);
      console.log("RESPONSE: ", response)

      const decoded = new TextDecoder().decode(response.body);
      const responseBody = JSON.parse(decoded);
      const output = responseBody.content[0].text;

      return {
        statusCode: 200,
        body: JSON.stringify({ message: 'ok', output }),
      };
}
