/**
 * Gateway dispatch, request side: the source of the helpers that decide, at run time, whether one InvokeModel
 * input can go to Converse, and build that Converse request. A gateway's one shared send serves Claude and
 * other model families; only a Claude model ID with a body whose every field has a Converse place moves, and
 * anything else (another family, an application inference profile ARN, a field Converse has no place for)
 * stays on InvokeModel exactly as before: these helpers never throw where the old code did not.
 *
 * Mapping rules: shared/reference/bedrock-claude-api.md §3a (the same as the boundary helper
 * `toConverseRequest`), §2f (`top_k`, `thinking` in `additionalModelRequestFields`), §2c (tool blocks in the
 * history need a `toolConfig`, so such a request without tools stays). Left on InvokeModel on purpose:
 * `anthropic_beta` and Anthropic-defined tools (their Converse placement is uncertain, §2f), `metadata`,
 * `output_config`, documents, redacted thinking, `tool_choice` none or `disable_parallel_tool_use`, guardrails
 * and trace (the InvokeModel and Converse guardrail outputs differ), a `tool_result` without content (§3a
 * uncertain), any `null` field, any body that is not JSON text or bytes.
 *
 * API (stable): `gatewayRequestSource(name, types, invokeOnly)` → the helper's text (JS when `types` is
 * undefined); `GATEWAY_REQUEST_HELPERS` in dependency order.
 */
import type { InvokeTypeNames } from '../boundary/insert';

/** Type names as the file can write them (`ConverseCommandInput` or `br.ConverseCommandInput`). */
export interface GatewayTypes extends InvokeTypeNames {
  ConverseCommandInput: string;
  ConverseCommandOutput: string;
  ConverseStreamOutput: string;
  ResponseStream: string;
}

export const GATEWAY_REQUEST_HELPERS = ['claudeConverseRequest', 'converseFieldsFromMessages', 'converseFieldsFromPrompt', 'converseContent'];

export function gatewayRequestDependencies(name: string): string[] {
  if (name === 'claudeConverseRequest') return ['converseFieldsFromMessages', 'converseFieldsFromPrompt'];
  if (name === 'converseFieldsFromMessages') return ['converseContent'];
  return [];
}

/** A regular-expression source matching base IDs of `invokeOnly` (the catalog: InvokeModel documented, Converse not). */
function invokeOnlyPattern(invokeOnly: readonly string[]): string {
  const escaped = invokeOnly.map((id) => id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return escaped.length ? `/^(?:${escaped.join('|')})$/` : '/(?!)/';
}

export function gatewayRequestSource(name: string, types: GatewayTypes | undefined, invokeOnly: readonly string[]): string {
  const ts = types !== undefined;
  const t = (annotation: string) => (ts ? annotation : '');
  const any = t(': any');
  switch (name) {
    case 'claudeConverseRequest':
      return `/**
 * The Converse request an InvokeModel input stands for, when the model ID names a Claude model (a base ID, an
 * inference-profile ID, or a foundation-model or inference-profile ARN; an application inference profile ARN
 * does not say which model it is) and every field of the body has a Converse place. Otherwise undefined: the
 * call stays on InvokeModel exactly as before. Models whose Converse support is not documented stay too.
 */
function claudeConverseRequest(input${t(`: ${types?.InvokeModelCommandInput}`)})${t(`: { request: ${types?.ConverseCommandInput}; textCompletion: boolean } | undefined`)} {
  const model = /^(?:arn:aws[\\w-]*:bedrock:[\\w-]*:\\d*:(?:foundation-model|inference-profile)\\/)?(?:(?:global|us|us-gov|eu|jp|apac|au|ca)\\.)?(anthropic\\.claude-[\\w.:-]+)$/.exec(String(input.modelId))?.[1];
  if (!model || ${invokeOnlyPattern(invokeOnly)}.test(model)) return undefined;
  const { modelId, body: raw, contentType, accept, performanceConfigLatency, serviceTier, ...other } = input;
  if (Object.values(other).some((value) => value !== undefined)) return undefined;
  if ((contentType ?? "application/json") !== "application/json" || (accept ?? "application/json") !== "application/json") return undefined;
  let body${any};
  try {
    body = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw${t(' as Uint8Array')}));
  } catch {
    return undefined;
  }
  if (!body || typeof body !== "object" || Object.values(body).some((value) => value === null)) return undefined;
  const textCompletion = typeof body.prompt === "string";
  const fields = textCompletion ? converseFieldsFromPrompt(body) : converseFieldsFromMessages(body);
  if (!fields) return undefined;
  const request = {
    modelId,
    ...fields,
    ...(performanceConfigLatency === undefined ? {} : { performanceConfig: { latency: performanceConfigLatency } }),
    ...(serviceTier === undefined ? {} : { serviceTier: { type: serviceTier } }),
  };
  return { request: request${t(` as ${types?.ConverseCommandInput}`)}, textCompletion };
}`;
    case 'converseFieldsFromMessages':
      return `/** An Anthropic Messages body → Converse fields (reference §3a), or undefined when a field has no Converse place. */
function converseFieldsFromMessages(body${any})${any} {
  const { anthropic_version, max_tokens, messages, system, temperature, top_p, top_k, stop_sequences, tools, tool_choice, thinking, ...other } = body;
  // A body InvokeModel would reject (no max_tokens, no messages) stays there and fails as before.
  if (anthropic_version !== "bedrock-2023-05-31" || typeof max_tokens !== "number" || !Array.isArray(messages) || Object.keys(other).length > 0) return undefined;
  const converseMessages${t(': any[]')} = [];
  for (const message of messages) {
    const content = converseContent(message?.content);
    if (!content || (message.role !== "user" && message.role !== "assistant") || Object.keys(message).length !== 2) return undefined;
    converseMessages.push({ role: message.role, content });
  }
  const converseSystem = system === undefined ? [] : converseContent(system);
  if (!converseSystem || converseSystem.some((block${any}) => block.text === undefined && !block.cachePoint)) return undefined;
  const usesTools = converseMessages.some((message) => message.content.some((block${any}) => block.toolUse || block.toolResult));
  const toolSpecs${t(': any[]')} = [];
  for (const tool of Array.isArray(tools) ? tools : []) {
    const { type, name, description, input_schema, cache_control, ...rest } = tool ?? {};
    if ((type ?? "custom") !== "custom" || typeof name !== "string" || !input_schema || Object.keys(rest).length > 0) return undefined;
    toolSpecs.push({ toolSpec: { name, description, inputSchema: { json: input_schema } } });
    if (cache_control !== undefined) {
      if (cache_control?.type !== "ephemeral") return undefined;
      toolSpecs.push({ cachePoint: cache_control.ttl === undefined ? { type: "default" } : { type: "default", ttl: cache_control.ttl } });
    }
  }
  const choiceKeys = tool_choice === undefined ? [] : Object.keys(tool_choice);
  const toolChoice =
    tool_choice === undefined ? undefined
    : (tool_choice.type === "auto" || tool_choice.type === "any") && choiceKeys.length === 1 ? { [tool_choice.type]: {} }
    : tool_choice.type === "tool" && choiceKeys.length === 2 ? { tool: { name: tool_choice.name } }
    : null;
  if ((tools !== undefined && !Array.isArray(tools)) || toolChoice === null) return undefined;
  // Converse wants a toolConfig wherever the history holds tool blocks, and a choice needs tools to choose from.
  if (toolSpecs.length === 0 && (usesTools || toolChoice !== undefined)) return undefined;
  const additional = { ...(top_k === undefined ? {} : { top_k }), ...(thinking === undefined ? {} : { thinking }) };
  return {
    messages: converseMessages,
    ...(system === undefined ? {} : { system: converseSystem }),
    inferenceConfig: { maxTokens: max_tokens, temperature, topP: top_p, stopSequences: stop_sequences },
    ...(toolSpecs.length === 0 ? {} : { toolConfig: { tools: toolSpecs, ...(toolChoice === undefined ? {} : { toolChoice }) } }),
    ...(Object.keys(additional).length === 0 ? {} : { additionalModelRequestFields: additional }),
    ...(stop_sequences === undefined ? {} : { additionalModelResponseFieldPaths: ["/stop_sequence"] }),
  };
}`;
    case 'converseFieldsFromPrompt':
      return `/**
 * A Text Completions body → Converse fields, when its prompt splits cleanly into "\\n\\nHuman:" / "\\n\\nAssistant:"
 * turns that alternate from a Human turn and end with an empty Assistant turn; otherwise undefined.
 */
function converseFieldsFromPrompt(body${any})${any} {
  const { anthropic_version, prompt, max_tokens_to_sample, temperature, top_p, top_k, stop_sequences, ...other } = body;
  if (Object.keys(other).length > 0 || typeof max_tokens_to_sample !== "number" || (anthropic_version ?? "bedrock-2023-05-31") !== "bedrock-2023-05-31") return undefined;
  const parts = prompt.split(/\\n\\n(Human|Assistant):/);
  if (parts[0] !== "" || parts.length < 5 || parts[parts.length - 2] !== "Assistant" || parts[parts.length - 1] !== "") return undefined;
  const messages${t(': any[]')} = [];
  for (let i = 1; i < parts.length - 2; i += 2) {
    const role = parts[i] === "Human" ? "user" : "assistant";
    const text = parts[i + 1].replace(/^ /, "");
    if (text.trim() === "" || role !== (messages.length % 2 === 0 ? "user" : "assistant")) return undefined;
    messages.push({ role, content: [{ text }] });
  }
  if (messages.length % 2 !== 1) return undefined;
  if (stop_sequences !== undefined && !Array.isArray(stop_sequences)) return undefined;
  // "\\n\\nHuman:" ended the legacy turn; with messages the model ends its turn by itself.
  const stops = stop_sequences?.filter((stop${t(': unknown')}) => stop !== "\\n\\nHuman:");
  return {
    messages,
    inferenceConfig: { maxTokens: max_tokens_to_sample, temperature, topP: top_p, stopSequences: stops?.length ? stops : undefined },
    ...(top_k === undefined ? {} : { additionalModelRequestFields: { top_k } }),
  };
}`;
    case 'converseContent':
      return `/**
 * Anthropic content (a string or blocks: text, base64 image, tool_use, tool_result, thinking; cache_control
 * becomes a cachePoint after its block) → Converse content blocks, or undefined for anything else.
 */
function converseContent(content${any})${t(': any[] | undefined')} {
  if (typeof content === "string") return [{ text: content }];
  if (!Array.isArray(content)) return undefined;
  const blocks${t(': any[]')} = [];
  for (const item of content) {
    if (!item || typeof item !== "object") return undefined;
    const { cache_control, ...block } = item;
    const keys = Object.keys(block).sort().join(",");
    const source = block.source ?? {};
    const format = /^image\\/(jpeg|png|gif|webp)$/.exec(source.media_type)?.[1];
    const resultKeys = block.is_error === undefined ? "content,tool_use_id,type" : "content,is_error,tool_use_id,type";
    const result = block.type === "tool_result" && keys === resultKeys ? converseContent(block.content) : undefined;
    if (block.type === "text" && keys === "text,type") blocks.push({ text: block.text });
    else if (block.type === "image" && keys === "source,type" && source.type === "base64" && format && /^[A-Za-z0-9+\\/]*={0,2}$/.test(source.data)) {
      blocks.push({ image: { format, source: { bytes: Uint8Array.from(atob(source.data), (c) => c.charCodeAt(0)) } } });
    } else if (block.type === "tool_use" && keys === "id,input,name,type") blocks.push({ toolUse: { toolUseId: block.id, name: block.name, input: block.input } });
    else if (result && result.every((part) => part.text !== undefined || part.image)) {
      const status = block.is_error === undefined ? {} : { status: block.is_error ? "error" : "success" };
      blocks.push({ toolResult: { toolUseId: block.tool_use_id, content: result, ...status } });
    } else if (block.type === "thinking" && keys === "signature,thinking,type") {
      blocks.push({ reasoningContent: { reasoningText: { text: block.thinking, signature: block.signature } } });
    } else return undefined;
    if (cache_control !== undefined) {
      if (cache_control?.type !== "ephemeral") return undefined;
      blocks.push({ cachePoint: cache_control.ttl === undefined ? { type: "default" } : { type: "default", ttl: cache_control.ttl } });
    }
  }
  return blocks;
}`;
  }
  throw new Error(`unknown gateway helper ${name}`);
}
