import {
  BedrockRuntimeClient as Bedrock,
  InvokeModelCommand as Invoke,
} from "@aws-sdk/client-bedrock-runtime";

const llm = new Bedrock({ region: "us-west-2" });

export async function extractKeywords(article: string): Promise<string[]> {
  const reply = await llm.send(
    new Invoke({
      modelId: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 100,
        stop_sequences: ["\n\n"],
        messages: [{ role: "user", content: `List five keywords, comma separated:\n${article}` }],
      }),
    }),
  );
  const data = JSON.parse(new TextDecoder().decode(reply.body));
  return data.content[0].text.split(",").map((k: string) => k.trim());
}
