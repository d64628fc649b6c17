import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

export async function summarizeInvoice(pdfBase64) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 800,
        messages: [
          {
            role: "user",
            content: [
              {
                type: "document",
                title: "invoice_2024-03.pdf",
                source: { type: "base64", media_type: "application/pdf", data: pdfBase64 },
              },
              { type: "text", text: "What is the total amount due?" },
            ],
          },
        ],
      }),
    }),
  );
  const { content, usage } = JSON.parse(new TextDecoder().decode(response.body));
  return { answer: content[0].text, inputTokens: usage.input_tokens };
}
