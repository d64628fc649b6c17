import {
  BedrockRuntimeClient,
  ConverseCommand,
  type SystemContentBlock,
  type ContentBlock,
  type Message,
  type ConverseCommandInput,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

interface AskOptions {
  examples?: Array<{ q: string; a: string }>;
  strict?: boolean;
}

export async function classifyIntent(utterance: string, opts: AskOptions = {}): Promise<string> {
  const body = {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 16,
    system: "Classify the user's intent as one of: greeting, order_status, refund, other.",
    messages: [] as Array<{ role: "user" | "assistant"; content: string }>,
  };

  // few-shot examples first, then the real question
  for (const ex of opts.examples ?? []) {
    body.messages.push({ role: "user", content: ex.q });
    body.messages.push({ role: "assistant", content: ex.a });
  }
  body.messages.push({ role: "user", content: utterance });

  const res = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      ...toConverseRequest(body),
    }),
  );
  return res.output!.message!.content![0].text!.trim();
}

/**
 * A whole Anthropic Messages body (as callers build it) → the Converse input fields besides modelId:
 * messages, system, inferenceConfig, toolConfig, additionalModelRequestFields (top_k, thinking, anthropic_beta).
 * A field Converse has no place for throws, so no request is sent with a different meaning.
 */
function toConverseRequest(body: unknown): Omit<ConverseCommandInput, "modelId"> {
  const { messages, system, max_tokens, temperature, top_p, stop_sequences, tools, tool_choice, ...rest } = body as Record<string, any>;
  const additional: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === "anthropic_version") continue;
    if (key !== "top_k" && key !== "thinking" && key !== "anthropic_beta") throw new Error(`body field "${key}" has no Converse equivalent`);
    additional[key] = value;
  }
  const choice = tool_choice === undefined ? undefined : tool_choice.type === "tool" ? { tool: { name: tool_choice.name } } : { [tool_choice.type]: {} };
  if (tool_choice?.type === "none") throw new Error("tool_choice none has no Converse equivalent");
  return {
    messages: toConverseMessages(messages),
    ...(system === undefined ? {} : { system: toConverseSystem(system) }),
    inferenceConfig: { maxTokens: max_tokens, temperature, topP: top_p, stopSequences: stop_sequences },
    ...(tools === undefined ? {} : {
      toolConfig: {
        tools: tools.map((tool: Record<string, any>) => {
          if (tool.type !== undefined && tool.type !== "custom") throw new Error(`Anthropic-defined tool "${tool.type}" has no Converse toolSpec`);
          return { toolSpec: { name: tool.name, description: tool.description, inputSchema: { json: tool.input_schema } } };
        }),
        ...(choice === undefined ? {} : { toolChoice: choice }),
      },
    }),
    ...(Object.keys(additional).length === 0 ? {} : { additionalModelRequestFields: additional }),
  } as Omit<ConverseCommandInput, "modelId">;
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

/** An Anthropic system prompt (a string or text blocks) → Converse system blocks. */
function toConverseSystem(system: unknown): SystemContentBlock[] | undefined {
  if (system === undefined) return undefined;
  return toConverseContent(system) as SystemContentBlock[];
}
