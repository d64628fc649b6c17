import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

/**
 * Tags every review with a sentiment. Reviews come from the product page export.
 * @param {{ id: string, text: string }[]} reviews
 */
export async function tagReviews(reviews) {
  const tagged = await Promise.all(
    reviews.map(async (review) => {
      const res = await client.send(new ConverseCommand({
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        messages: [{ role: "user", content: [{ text: review.text }] }],
        system: [
          {
            text: "Reply with exactly one word: positive, negative or neutral.",
          },
        ],
        inferenceConfig: { maxTokens: 5, temperature: 0 },
      }));
      return { id: review.id, sentiment: res.output.message.content[0].text.trim().toLowerCase() };
    }),
  );
  return tagged;
}
