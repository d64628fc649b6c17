import { BedrockRuntimeClient, ConverseCommand, type ContentBlock, type Message } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });

const weatherTool = {
  toolSpec: {
    name: "get_weather",
    description: "Current weather for a city.",
    inputSchema: {
      json: { type: "object", properties: { location: { type: "string" } }, required: ["location"] },
    },
  },
};

/** One agent step: the orchestrator (another service) owns the transcript, in the Anthropic format. */
export async function agentStep(transcript: unknown[]): Promise<{ stop: string; calls: string[] }> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      messages: toConverseMessages(transcript),
      inferenceConfig: { maxTokens: 1024 },
      toolConfig: { tools: [weatherTool] },
    }),
  );
  const calls = response.output!.message!.content!.filter((b) => b.toolUse !== undefined).map((b) => `${b.toolUse!.name!}(${JSON.stringify(b.toolUse!.input as any)})`);
  return { stop: response.stopReason!, calls };
}

/** Anthropic Messages-format messages (as callers send them) → Converse messages. */
function toConverseMessages(messages: unknown): Message[] {
  return (messages as Array<{ role: "user" | "assistant"; content: unknown }>).map((message) => ({
    role: message.role,
    content: toConverseContent(message.content),
  }));
}

/**
 * Anthropic content (a string or content blocks) → Converse content blocks: text, base64 image, tool_use,
 * tool_result, thinking; a cache_control becomes a cachePoint after its block.
 */
function toConverseContent(content: unknown): ContentBlock[] {
  if (typeof content === "string") return [{ text: content }];
  return (content as Array<Record<string, any>>).flatMap((block) => {
    const converted = toConverseBlock(block);
    if (!block.cache_control) return [converted];
    if (block.cache_control.type !== "ephemeral") throw new Error("cache_control: only the ephemeral type has a Converse cachePoint");
    const ttl = block.cache_control.ttl;
    return [converted, { cachePoint: ttl === undefined ? { type: "default" } : { type: "default", ttl } } as ContentBlock];
  });
}

function toConverseBlock(block: Record<string, any>): ContentBlock {
  switch (block.type) {
    case "text":
      return { text: block.text };
    case "image": {
      const format = /^image\/(jpeg|png|gif|webp)$/.exec(block.source?.media_type ?? "")?.[1];
      if (block.source?.type !== "base64" || !format) throw new Error("image: only base64 jpeg, png, gif or webp sources map to Converse");
      return { image: { format, source: { bytes: Buffer.from(block.source.data, "base64") } } } as ContentBlock;
    }
    case "tool_use":
      return { toolUse: { toolUseId: block.id, name: block.name, input: block.input } };
    case "tool_result": {
      if (block.content === undefined) throw new Error("tool_result without content has no Converse equivalent");
      const content = typeof block.content === "string" ? [{ text: block.content }] : block.content.map(toConverseBlock);
      const status = block.is_error === undefined ? {} : { status: block.is_error ? "error" : "success" };
      return { toolResult: { toolUseId: block.tool_use_id, content, ...status } } as ContentBlock;
    }
    case "thinking":
      return { reasoningContent: { reasoningText: { text: block.thinking, signature: block.signature } } };
    default:
      throw new Error(`a "${block.type}" content block has no Converse mapping here`);
  }
}
