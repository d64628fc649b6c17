import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

/**
 * Tags every review with a sentiment. Reviews come from the product page export.
 * @param {{ id: string, text: string }[]} reviews
 */
export async function tagReviews(reviews) {
  const tagged = await Promise.all(
    reviews.map(async (review) => {
      const res = await client.send(new InvokeModelCommand({
        modelId: "anthropic.claude-3-haiku-20240307-v1:0",
        contentType: "application/json",
        body: JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 5,
          temperature: 0,
          system: "Reply with exactly one word: positive, negative or neutral.",
          messages: [{ role: "user", content: review.text }],
        }),
      }));
      const out = JSON.parse(new TextDecoder().decode(res.body));
      return { id: review.id, sentiment: out.content[0].text.trim().toLowerCase() };
    }),
  );
  return tagged;
}
