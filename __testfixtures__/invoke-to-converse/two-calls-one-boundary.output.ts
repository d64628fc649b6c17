import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ContentBlock,
  type ConverseCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

export async function shortAnswer(question: string): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL,
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 100 },
    }),
  );
  return response.output!.message!.content![0].text!;
}

export async function rawMessage(question: string) {
  const response = await client.send(
    new ConverseCommand({
      modelId: MODEL,
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 100 },
    }),
  );
  // Callers read the whole Anthropic message (id, model, content, usage).
  return toAnthropicMessage(response);
}

/**
 * A Converse response → the Anthropic Messages response shape the code after it reads (no id or model).
 * Typed any, like the JSON.parse result it replaces, so the code after it type-checks as before.
 */
function toAnthropicMessage(response: ConverseCommandOutput): any {
  const usage = response.usage;
  return {
    type: "message" as const,
    role: response.output?.message?.role ?? "assistant",
    content: (response.output?.message?.content ?? []).map(toAnthropicBlock),
    stop_reason: response.stopReason,
    usage: {
      input_tokens: usage?.inputTokens ?? 0,
      output_tokens: usage?.outputTokens ?? 0,
      ...(usage?.cacheReadInputTokens === undefined ? {} : { cache_read_input_tokens: usage.cacheReadInputTokens }),
      ...(usage?.cacheWriteInputTokens === undefined ? {} : { cache_creation_input_tokens: usage.cacheWriteInputTokens }),
    },
  };
}

/** One Converse content block → the Anthropic block (text, tool_use, thinking). */
function toAnthropicBlock(block: ContentBlock) {
  if (block.text !== undefined) return { type: "text" as const, text: block.text };
  if (block.toolUse) {
    return { type: "tool_use" as const, id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input };
  }
  if (block.reasoningContent?.reasoningText) {
    const reasoning = block.reasoningContent.reasoningText;
    return { type: "thinking" as const, thinking: reasoning.text, signature: reasoning.signature };
  }
  throw new Error("toAnthropicBlock: this Converse content block has no Anthropic mapping here");
}
