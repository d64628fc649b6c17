import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function summarizeInvoice(pdfBase64) {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      messages: [
        {
          role: "user",
          content: [
            {
              document: {
                format: "pdf",
                name: "invoice 2024-03 pdf",
                source: { bytes: Buffer.from(pdfBase64, "base64") },
              },
            },
            { text: "What is the total amount due?" },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 800 },
    }),
  );
  const content = response.output.message.content, usage = response.usage;
  return { answer: content[0].text, inputTokens: usage.inputTokens };
}
