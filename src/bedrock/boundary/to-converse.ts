/**
 * Boundary helpers, request side: the source of small functions written once into a migrated file where
 * Anthropic-shaped request data comes from code the run cannot rewrite (a caller outside the file, an HTTP
 * body, a queue message). Each converts at run time exactly as the reference's mapping table says
 * (shared/reference/bedrock-claude-api.md §3a) and throws on a block it has no rule for, so a request
 * Converse would read differently is never sent.
 *
 * API (stable): `helperSource(name, types)` → the helper's source text (JS when `types` is undefined, TS
 * otherwise, with the Converse type names the file can use); `helperDependencies(name)` → helpers it calls.
 */

/** Type names as the file can write them (`Message` or `br.Message`). */
export interface HelperTypes {
  ConverseCommandInput: string;
  Message: string;
  ContentBlock: string;
  SystemContentBlock: string;
}

export type ToConverseHelper = 'toConverseMessages' | 'toConverseSystem' | 'toConverseContent' | 'toConverseRequest';

export function helperDependencies(name: string): string[] {
  if (name === 'toConverseMessages' || name === 'toConverseSystem') return ['toConverseContent'];
  if (name === 'toConverseRequest') return ['toConverseMessages', 'toConverseSystem'];
  return [];
}

export function helperSource(name: string, types: HelperTypes | undefined): string {
  const ts = types !== undefined;
  const t = (annotation: string) => (ts ? annotation : '');
  // Evaluated only in the branch of the helper asked for, so only the types it names get imported.
  switch (name) {
    case 'toConverseMessages':
      return `/** Anthropic Messages-format messages (as callers send them) → Converse messages. */
function toConverseMessages(messages${t(': unknown')})${t(`: ${types?.Message}[]`)} {
  return ${ts ? `(messages as Array<{ role: "user" | "assistant"; content: unknown }>)` : 'messages'}.map((message) => ({
    role: message.role,
    content: toConverseContent(message.content),
  }));
}`;
    case 'toConverseRequest':
      return `/**
 * A whole Anthropic Messages body (as callers build it) → the Converse input fields besides modelId:
 * messages, system, inferenceConfig, toolConfig, additionalModelRequestFields (top_k, thinking, anthropic_beta).
 * A field Converse has no place for throws, so no request is sent with a different meaning.
 */
function toConverseRequest(body${t(': unknown')})${t(`: Omit<${types?.ConverseCommandInput}, "modelId">`)} {
  const { messages, system, max_tokens, temperature, top_p, stop_sequences, tools, tool_choice, ...rest } = body${t(' as Record<string, any>')};
  const additional${t(': Record<string, unknown>')} = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === "anthropic_version") continue;
    if (key !== "top_k" && key !== "thinking" && key !== "anthropic_beta") throw new Error(\`body field "\${key}" has no Converse equivalent\`);
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
        tools: tools.map((tool${t(': Record<string, any>')}) => {
          if (tool.type !== undefined && tool.type !== "custom") throw new Error(\`Anthropic-defined tool "\${tool.type}" has no Converse toolSpec\`);
          return { toolSpec: { name: tool.name, description: tool.description, inputSchema: { json: tool.input_schema } } };
        }),
        ...(choice === undefined ? {} : { toolChoice: choice }),
      },
    }),
    ...(Object.keys(additional).length === 0 ? {} : { additionalModelRequestFields: additional }),
  }${t(` as Omit<${types?.ConverseCommandInput}, "modelId">`)};
}`;
    case 'toConverseSystem':
      return `/** An Anthropic system prompt (a string or text blocks) → Converse system blocks. */
function toConverseSystem(system${t(': unknown')})${t(`: ${types?.SystemContentBlock}[] | undefined`)} {
  if (system === undefined) return undefined;
  return toConverseContent(system)${t(` as ${types?.SystemContentBlock}[]`)};
}`;
    case 'toConverseContent':
      return `/**
 * Anthropic content (a string or content blocks) → Converse content blocks: text, base64 image, tool_use,
 * tool_result, thinking; a cache_control becomes a cachePoint after its block.
 */
function toConverseContent(content${t(': unknown')})${t(`: ${types?.ContentBlock}[]`)} {
  if (typeof content === "string") return [{ text: content }];
  return ${ts ? '(content as Array<Record<string, any>>)' : 'content'}.flatMap((block) => {
    const converted = toConverseBlock(block);
    if (!block.cache_control) return [converted];
    if (block.cache_control.type !== "ephemeral") throw new Error("cache_control: only the ephemeral type has a Converse cachePoint");
    const ttl = block.cache_control.ttl;
    return [converted, { cachePoint: ttl === undefined ? { type: "default" } : { type: "default", ttl } }${t(` as ${types?.ContentBlock}`)}];
  });
}

function toConverseBlock(block${t(': Record<string, any>')})${t(`: ${types?.ContentBlock}`)} {
  switch (block.type) {
    case "text":
      return { text: block.text };
    case "image": {
      const format = /^image\\/(jpeg|png|gif|webp)$/.exec(block.source?.media_type ?? "")?.[1];
      if (block.source?.type !== "base64" || !format) throw new Error("image: only base64 jpeg, png, gif or webp sources map to Converse");
      return { image: { format, source: { bytes: Buffer.from(block.source.data, "base64") } } }${t(` as ${types?.ContentBlock}`)};
    }
    case "tool_use":
      return { toolUse: { toolUseId: block.id, name: block.name, input: block.input } };
    case "tool_result": {
      if (block.content === undefined) throw new Error("tool_result without content has no Converse equivalent");
      const content = typeof block.content === "string" ? [{ text: block.content }] : block.content.map(toConverseBlock);
      const status = block.is_error === undefined ? {} : { status: block.is_error ? "error" : "success" };
      return { toolResult: { toolUseId: block.tool_use_id, content, ...status } }${t(` as ${types?.ContentBlock}`)};
    }
    case "thinking":
      return { reasoningContent: { reasoningText: { text: block.thinking, signature: block.signature } } };
    default:
      throw new Error(\`a "\${block.type}" content block has no Converse mapping here\`);
  }
}`;
  }
  throw new Error(`unknown boundary helper ${name}`);
}
