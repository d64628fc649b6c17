import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntimeClient({
  region: process.env.AWS_REGION ?? "us-east-1",
});

// pages/api/title.js: suggests a title for a blog draft
export default async function handler(req, res) {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return res.status(405).json({ error: "Method not allowed" });
  }
  const draft = req.body.draft;

  const response = await bedrock.send(
    new ConverseCommand({
      modelId: "us.anthropic.claude-sonnet-4-20250514-v1:0",
      messages: [
        {
          role: "user",
          content: [
            {
              text: "Suggest one title for this blog post. Only the title, no quotes.\n\n" + draft,
            },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 60 },
    }),
  );

  res.status(200).json({ title: response.output.message.content[0].text });
}
