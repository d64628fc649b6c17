/**
 * Gateway dispatch, send and response side: the source of the helpers written at a gateway's one shared send.
 * `sendClaudeViaConverse(client, command, options)` sends the InvokeModel command unchanged unless
 * `claudeConverseRequest` (request-source.ts) gives a Converse request; then it sends ConverseCommand with the
 * same client and options and returns the InvokeModel-shaped output the code after the send reads. The stream
 * variant does the same with ConverseStreamCommand and Anthropic stream events.
 *
 * Shapes: shared/reference/bedrock-claude-api.md §1a (the output body is a Uint8Array with
 * `transformToString`), §1c (the Anthropic response), §3b (Converse → Anthropic, read backwards), §4a/§4b (stream
 * events; Converse sends `metadata` after `messageStop`, so `message_delta` and `message_stop` wait for it).
 * What Converse cannot give back is said in each helper's doc comment.
 *
 * API (stable): `gatewayResponseSource(name, types, refs)`; `gatewayResponseDependencies(name)`.
 */
import type { GatewayTypes } from './request-source';

/** How the file reaches the Converse command classes (`ConverseCommand` or `br.ConverseCommand`). */
export interface GatewayRefs {
  ConverseCommand: string;
  ConverseStreamCommand: string;
}

export function gatewayResponseDependencies(name: string): string[] {
  switch (name) {
    case 'sendClaudeViaConverse':
    case 'invokeClaudeViaConverse':
      return ['claudeConverseRequest', 'invokeOutputFromConverse'];
    case 'sendClaudeViaConverseStream':
    case 'invokeClaudeStreamViaConverse':
      return ['claudeConverseRequest', 'invokeStreamFromConverse'];
    case 'invokeOutputFromConverse':
      return ['anthropicBlockFromConverse', 'invokeBody'];
    default:
      return [];
  }
}

const LIMITS_MESSAGE = `Converse has no message id or model name: those fields are absent.`;

export function gatewayResponseSource(name: string, types: GatewayTypes | undefined, refs: GatewayRefs): string {
  const ts = types !== undefined;
  const t = (annotation: string) => (ts ? annotation : '');
  const any = t(': any');
  const options = t('?: Parameters<' + (types?.BedrockRuntimeClient ?? '') + '["send"]>[1]');
  switch (name) {
    case 'sendClaudeViaConverse':
      return `/**
 * Sends an InvokeModel command from a gateway that serves several model families. A Claude model whose body
 * maps to Converse field by field (claudeConverseRequest) goes through Converse, and the answer comes back in
 * the InvokeModel shape the code after the send reads (invokeOutputFromConverse); every other call is sent
 * exactly as before.
 */
function sendClaudeViaConverse(client${t(`: ${types?.BedrockRuntimeClient}`)}, command${t(`: ${types?.InvokeModelCommand}`)}, options${options})${t(`: Promise<${types?.InvokeModelCommandOutput}>`)} {
  const converse = typeof options === "function" ? undefined : claudeConverseRequest(command.input);
  if (!converse) return client.send(command, options);
  return client.send(new ${refs.ConverseCommand}(converse.request), options).then((output) => invokeOutputFromConverse(output, converse.textCompletion));
}`;
    case 'invokeClaudeViaConverse':
      return `/**
 * client.invokeModel(input, options) from a gateway that serves several model families. A Claude model whose
 * body maps to Converse field by field (claudeConverseRequest) goes through client.converse, and the answer
 * comes back in the InvokeModel shape the code after the call reads; every other call is made exactly as before.
 */
function invokeClaudeViaConverse(client${t(`: ${types?.BedrockRuntime}`)}, input${t(`: ${types?.InvokeModelCommandInput}`)}, options${options})${t(`: Promise<${types?.InvokeModelCommandOutput}>`)} {
  const converse = typeof options === "function" ? undefined : claudeConverseRequest(input);
  if (!converse) return client.invokeModel(input, options);
  return client.converse(converse.request, options).then((output) => invokeOutputFromConverse(output, converse.textCompletion));
}`;
    case 'sendClaudeViaConverseStream':
      return `/**
 * Sends an InvokeModelWithResponseStream command from a gateway that serves several model families. A Claude
 * model whose body maps to Converse field by field goes through ConverseStream, and its events come back as
 * the Anthropic stream chunks the code after the send reads (invokeStreamFromConverse); every other call is
 * sent exactly as before.
 */
function sendClaudeViaConverseStream(client${t(`: ${types?.BedrockRuntimeClient}`)}, command${t(`: ${types?.InvokeModelWithResponseStreamCommand}`)}, options${options})${t(`: Promise<${types?.InvokeModelWithResponseStreamCommandOutput}>`)} {
  const converse = typeof options === "function" ? undefined : claudeConverseRequest(command.input);
  if (!converse) return client.send(command, options);
  return client.send(new ${refs.ConverseStreamCommand}(converse.request), options).then((output) => ({
    $metadata: output.$metadata,
    contentType: "application/json",
    body: output.stream && invokeStreamFromConverse(output.stream, converse.textCompletion),
  }));
}`;
    case 'invokeClaudeStreamViaConverse':
      return `/**
 * client.invokeModelWithResponseStream(input, options) from a gateway that serves several model families: a
 * Claude model whose body maps to Converse field by field goes through client.converseStream, and its events
 * come back as Anthropic stream chunks; every other call is made exactly as before.
 */
function invokeClaudeStreamViaConverse(client${t(`: ${types?.BedrockRuntime}`)}, input${t(`: ${types?.InvokeModelCommandInput}`)}, options${options})${t(`: Promise<${types?.InvokeModelWithResponseStreamCommandOutput}>`)} {
  const converse = typeof options === "function" ? undefined : claudeConverseRequest(input);
  if (!converse) return client.invokeModelWithResponseStream(input, options);
  return client.converseStream(converse.request, options).then((output) => ({
    $metadata: output.$metadata,
    contentType: "application/json",
    body: output.stream && invokeStreamFromConverse(output.stream, converse.textCompletion),
  }));
}`;
    case 'invokeOutputFromConverse':
      return `/**
 * A Converse output → the InvokeModel output: the Anthropic response JSON as body bytes (reference §3b read
 * backwards), or for a Text Completions request { type, completion, stop_reason, stop } where a finished turn
 * (end_turn) reads "stop_sequence", as the legacy API reported it, and other stop reasons pass through. ${LIMITS_MESSAGE} Text Completions
 * answers often began with a space; the Converse text does not.
 */
function invokeOutputFromConverse(output${t(`: ${types?.ConverseCommandOutput}`)}, textCompletion${t(': boolean')})${t(`: ${types?.InvokeModelCommandOutput}`)} {
  const content = (output.output?.message?.content ?? []).map(anthropicBlockFromConverse);
  const usage${any} = output.usage ?? {};
  const stopSequence = ${ts ? '(output.additionalModelResponseFields as any)' : 'output.additionalModelResponseFields'}?.stop_sequence ?? null;
  const text = content.map((block${any}) => (block.type === "text" ? block.text : "")).join("");
  const body = textCompletion
    ? { type: "completion", completion: text, stop_reason: output.stopReason !== "end_turn" ? output.stopReason : "stop_sequence", stop: stopSequence }
    : {
        type: "message",
        role: "assistant",
        content,
        stop_reason: output.stopReason,
        stop_sequence: stopSequence,
        usage: {
          input_tokens: usage.inputTokens ?? 0,
          output_tokens: usage.outputTokens ?? 0,
          ...(usage.cacheReadInputTokens === undefined ? {} : { cache_read_input_tokens: usage.cacheReadInputTokens }),
          ...(usage.cacheWriteInputTokens === undefined ? {} : { cache_creation_input_tokens: usage.cacheWriteInputTokens }),
        },
      };
  return { $metadata: output.$metadata, contentType: "application/json", body: invokeBody(JSON.stringify(body)) };
}`;
    case 'anthropicBlockFromConverse':
      return `/**
 * One Converse content block → the Anthropic block: text, tool_use, thinking, redacted_thinking (its bytes as
 * base64: the encoding Anthropic uses for the opaque data is not documented for Converse).
 */
function anthropicBlockFromConverse(block${any})${any} {
  if (block.text !== undefined) return { type: "text", text: block.text };
  if (block.toolUse) return { type: "tool_use", id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input };
  const reasoning = block.reasoningContent;
  if (reasoning?.reasoningText) return { type: "thinking", thinking: reasoning.reasoningText.text, signature: reasoning.reasoningText.signature };
  if (reasoning?.redactedContent) return { type: "redacted_thinking", data: btoa(String.fromCharCode(...reasoning.redactedContent)) };
  throw new Error("anthropicBlockFromConverse: a Converse content block with no Anthropic counterpart");
}`;
    case 'invokeBody':
      return `/** JSON text as an InvokeModel output body: bytes that also answer transformToString(), like the body the SDK returns. */
function invokeBody(json${t(': string')})${t(`: ${types?.InvokeModelCommandOutput}["body"]`)} {
  const bytes = new TextEncoder().encode(json);
  return Object.assign(bytes, { transformToString: (encoding${t(': string')} = "utf-8") => new TextDecoder(encoding).decode(bytes) });
}`;
    case 'invokeStreamFromConverse':
      return `/**
 * ConverseStream events → InvokeModelWithResponseStream chunks carrying the Anthropic events each stands for
 * (reference §4): message_start, content_block_start (text, thinking, tool_use), content_block_delta
 * (text_delta, input_json_delta, thinking_delta, signature_delta), content_block_stop, then message_delta
 * (stop_reason, usage) and message_stop (amazon-bedrock-invocationMetrics), both sent once metadata arrives.
 * Converse gives no message id or model name, and the input tokens only at the end: message_start carries
 * input_tokens 0 and message_delta the real count; invocationMetrics has no firstByteLatency. Converse-only
 * stop reasons (content_filtered, guardrail_intervened, ...) arrive as they are. For a Text Completions request
 * the chunks are { completion, stop_reason } pieces.
 */
async function* invokeStreamFromConverse(stream${t(`: AsyncIterable<${types?.ConverseStreamOutput}>`)}, textCompletion${t(': boolean')})${t(`: AsyncGenerator<${types?.ResponseStream}>`)} {
  const chunk = (event${t(': object')}) => ({ chunk: { bytes: new TextEncoder().encode(JSON.stringify(event)) } });
  const started = new Set${t('<number>')}();
  const start = (index${t(': number')}, content_block${t(': object')}) => {
    started.add(index);
    return chunk({ type: "content_block_start", index, content_block });
  };
  let stop${any};
  for await (const event of stream) {
    if (event.messageStart && !textCompletion) {
      const message = { type: "message", role: event.messageStart.role, content: [], stop_reason: null, stop_sequence: null };
      yield chunk({ type: "message_start", message: { ...message, usage: { input_tokens: 0, output_tokens: 0 } } });
    } else if (event.contentBlockStart?.start?.toolUse && !textCompletion) {
      const { toolUseId, name } = event.contentBlockStart.start.toolUse;
      yield start(event.contentBlockStart.contentBlockIndex ?? 0, { type: "tool_use", id: toolUseId, name, input: {} });
    } else if (event.contentBlockDelta) {
      const index = event.contentBlockDelta.contentBlockIndex ?? 0;
      const delta${any} = event.contentBlockDelta.delta ?? {};
      if (textCompletion) {
        if (delta.text !== undefined) yield chunk({ completion: delta.text, stop_reason: null, stop: null });
      } else if (delta.text !== undefined) {
        if (!started.has(index)) yield start(index, { type: "text", text: "" });
        yield chunk({ type: "content_block_delta", index, delta: { type: "text_delta", text: delta.text } });
      } else if (delta.toolUse) {
        yield chunk({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: delta.toolUse.input } });
      } else if (delta.reasoningContent) {
        if (!started.has(index)) yield start(index, { type: "thinking", thinking: "", signature: "" });
        const { text, signature } = delta.reasoningContent;
        if (text !== undefined) yield chunk({ type: "content_block_delta", index, delta: { type: "thinking_delta", thinking: text } });
        if (signature !== undefined) yield chunk({ type: "content_block_delta", index, delta: { type: "signature_delta", signature } });
      }
    } else if (event.contentBlockStop && !textCompletion) {
      const index = event.contentBlockStop.contentBlockIndex ?? 0;
      if (!started.has(index)) yield start(index, { type: "text", text: "" });
      yield chunk({ type: "content_block_stop", index });
    } else if (event.messageStop) {
      stop = event.messageStop;
    } else if (event.metadata) {
      yield* stopChunks(event.metadata);
      stop = undefined;
    }
  }
  if (stop) yield* stopChunks({});

  function* stopChunks(metadata${any}) {
    const usage = metadata.usage ?? {};
    const metrics = {
      inputTokenCount: usage.inputTokens ?? 0,
      outputTokenCount: usage.outputTokens ?? 0,
      ...(metadata.metrics?.latencyMs === undefined ? {} : { invocationLatency: metadata.metrics.latencyMs }),
      ...(usage.cacheReadInputTokens === undefined ? {} : { cacheReadInputTokenCount: usage.cacheReadInputTokens }),
      ...(usage.cacheWriteInputTokens === undefined ? {} : { cacheWriteInputTokenCount: usage.cacheWriteInputTokens }),
    };
    const stopSequence = stop?.additionalModelResponseFields?.stop_sequence ?? null;
    if (textCompletion) {
      const stop_reason = stop?.stopReason !== "end_turn" ? stop?.stopReason : "stop_sequence";
      yield chunk({ completion: "", stop_reason, stop: stopSequence, "amazon-bedrock-invocationMetrics": metrics });
      return;
    }
    const tokens = { input_tokens: metrics.inputTokenCount, output_tokens: metrics.outputTokenCount };
    yield chunk({ type: "message_delta", delta: { stop_reason: stop?.stopReason, stop_sequence: stopSequence }, usage: tokens });
    yield chunk({ type: "message_stop", "amazon-bedrock-invocationMetrics": metrics });
  }
}`;
  }
  throw new Error(`unknown gateway helper ${name}`);
}
