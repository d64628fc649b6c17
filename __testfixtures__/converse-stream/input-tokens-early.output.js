import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "eu-central-1" });

/**
 * Streams an answer and tells the UI the prompt size as soon as the model starts.
 * @param {string} prompt
 * @param {{ onStart(tokens: number): void; onText(text: string): void }} ui
 */
export async function streamWithBudget(prompt, ui) {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: token counts are used before the stream ends; ConverseStream reports them only…
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: "eu.anthropic.claude-3-7-sonnet-20250219-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1024,
        messages: [{ role: "user", content: prompt }],
      }),
    }),
  );
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    if (chunk.type === "message_start") {
      ui.onStart(chunk.message.usage.input_tokens);
    } else if (chunk.type === "content_block_delta" && chunk.delta.type === "text_delta") {
      ui.onText(chunk.delta.text);
    }
  }
}
