import { BedrockRuntime } from '@aws-sdk/client-bedrock-runtime';

const runtime = new BedrockRuntime({ region: 'us-west-2' });

// Follow-up questions over a short history, for whichever model the tenant picked.
export async function followUp(modelId, history, question) {
  let payload;
  if (modelId.startsWith('anthropic.')) {
    const turns = history.map(([q, a]) => `\n\nHuman: ${q}\n\nAssistant: ${a}`).join('');
    payload = { prompt: `${turns}\n\nHuman: ${question}\n\nAssistant:`, max_tokens_to_sample: 300, stop_sequences: ['\n\nHuman:'] };
  } else if (modelId.startsWith('meta.')) {
    const turns = history.map(([q, a]) => `<|start_header_id|>user<|end_header_id|>\n${q}<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n${a}<|eot_id|>`).join('');
    payload = { prompt: `<|begin_of_text|>${turns}<|start_header_id|>user<|end_header_id|>\n${question}<|eot_id|>`, max_gen_len: 300 };
  } else {
    throw new Error(`unsupported model ${modelId}`);
  }
  const output = await invokeClaudeViaConverse(runtime, { modelId, body: JSON.stringify(payload) });
  const data = JSON.parse(new TextDecoder().decode(output.body));
  return modelId.startsWith('anthropic.') ? data.completion.trim() : data.generation.trim();
}

export async function followUpWithEach(modelIds, question) {
  const history = [['What is Bedrock?', 'A managed service for foundation models.']];
  const answers = {};
  for (const modelId of modelIds) answers[modelId] = await followUp(modelId, history, question);
  return answers;
}

/**
 * client.invokeModel(input, options) from a gateway that serves several model families. A Claude model whose
 * body maps to Converse field by field (claudeConverseRequest) goes through client.converse, and the answer
 * comes back in the InvokeModel shape the code after the call reads; every other call is made exactly as before.
 */
function invokeClaudeViaConverse(client, input, options) {
  const converse = typeof options === 'function' ? undefined : claudeConverseRequest(input);
  if (!converse) return client.invokeModel(input, options);
  return client.converse(converse.request, options).then((output) => invokeOutputFromConverse(output, converse.textCompletion));
}

/**
 * The Converse request an InvokeModel input stands for, when the model ID names a Claude model (a base ID, an
 * inference-profile ID, or a foundation-model or inference-profile ARN; an application inference profile ARN
 * does not say which model it is) and every field of the body has a Converse place. Otherwise undefined: the
 * call stays on InvokeModel exactly as before. Models whose Converse support is not documented stay too.
 */
function claudeConverseRequest(input) {
  const model = /^(?:arn:aws[\w-]*:bedrock:[\w-]*:\d*:(?:foundation-model|inference-profile)\/)?(?:(?:global|us|us-gov|eu|jp|apac|au|ca)\.)?(anthropic\.claude-[\w.:-]+)$/.exec(String(input.modelId))?.[1];
  if (!model || /^(?:anthropic\.claude-opus-4-8)$/.test(model)) return undefined;
  const { modelId, body: raw, contentType, accept, performanceConfigLatency, serviceTier, ...other } = input;
  if (Object.values(other).some((value) => value !== undefined)) return undefined;
  if ((contentType ?? 'application/json') !== 'application/json' || (accept ?? 'application/json') !== 'application/json') return undefined;
  let body;
  try {
    body = JSON.parse(typeof raw === 'string' ? raw : new TextDecoder().decode(raw));
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object' || Object.values(body).some((value) => value === null)) return undefined;
  const textCompletion = typeof body.prompt === 'string';
  const fields = textCompletion ? converseFieldsFromPrompt(body) : converseFieldsFromMessages(body);
  if (!fields) return undefined;
  const request = {
    modelId,
    ...fields,
    ...(performanceConfigLatency === undefined ? {} : { performanceConfig: { latency: performanceConfigLatency } }),
    ...(serviceTier === undefined ? {} : { serviceTier: { type: serviceTier } }),
  };
  return { request: request, textCompletion };
}

/** An Anthropic Messages body → Converse fields (reference §3a), or undefined when a field has no Converse place. */
function converseFieldsFromMessages(body) {
  const { anthropic_version, max_tokens, messages, system, temperature, top_p, top_k, stop_sequences, tools, tool_choice, thinking, ...other } = body;
  // A body InvokeModel would reject (no max_tokens, no messages) stays there and fails as before.
  if (anthropic_version !== 'bedrock-2023-05-31' || typeof max_tokens !== 'number' || !Array.isArray(messages) || Object.keys(other).length > 0) return undefined;
  const converseMessages = [];
  for (const message of messages) {
    const content = converseContent(message?.content);
    if (!content || (message.role !== 'user' && message.role !== 'assistant') || Object.keys(message).length !== 2) return undefined;
    converseMessages.push({ role: message.role, content });
  }
  const converseSystem = system === undefined ? [] : converseContent(system);
  if (!converseSystem || converseSystem.some((block) => block.text === undefined && !block.cachePoint)) return undefined;
  const usesTools = converseMessages.some((message) => message.content.some((block) => block.toolUse || block.toolResult));
  const toolSpecs = [];
  for (const tool of Array.isArray(tools) ? tools : []) {
    const { type, name, description, input_schema, cache_control, ...rest } = tool ?? {};
    if ((type ?? 'custom') !== 'custom' || typeof name !== 'string' || !input_schema || Object.keys(rest).length > 0) return undefined;
    toolSpecs.push({ toolSpec: { name, description, inputSchema: { json: input_schema } } });
    if (cache_control !== undefined) {
      if (cache_control?.type !== 'ephemeral') return undefined;
      toolSpecs.push({ cachePoint: cache_control.ttl === undefined ? { type: 'default' } : { type: 'default', ttl: cache_control.ttl } });
    }
  }
  const choiceKeys = tool_choice === undefined ? [] : Object.keys(tool_choice);
  const toolChoice =
    tool_choice === undefined ? undefined
    : (tool_choice.type === 'auto' || tool_choice.type === 'any') && choiceKeys.length === 1 ? { [tool_choice.type]: {} }
    : tool_choice.type === 'tool' && choiceKeys.length === 2 ? { tool: { name: tool_choice.name } }
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
    ...(stop_sequences === undefined ? {} : { additionalModelResponseFieldPaths: ['/stop_sequence'] }),
  };
}

/**
 * Anthropic content (a string or blocks: text, base64 image, tool_use, tool_result, thinking; cache_control
 * becomes a cachePoint after its block) → Converse content blocks, or undefined for anything else.
 */
function converseContent(content) {
  if (typeof content === 'string') return [{ text: content }];
  if (!Array.isArray(content)) return undefined;
  const blocks = [];
  for (const item of content) {
    if (!item || typeof item !== 'object') return undefined;
    const { cache_control, ...block } = item;
    const keys = Object.keys(block).sort().join(',');
    const source = block.source ?? {};
    const format = /^image\/(jpeg|png|gif|webp)$/.exec(source.media_type)?.[1];
    const resultKeys = block.is_error === undefined ? 'content,tool_use_id,type' : 'content,is_error,tool_use_id,type';
    const result = block.type === 'tool_result' && keys === resultKeys ? converseContent(block.content) : undefined;
    if (block.type === 'text' && keys === 'text,type') blocks.push({ text: block.text });
    else if (block.type === 'image' && keys === 'source,type' && source.type === 'base64' && format && /^[A-Za-z0-9+\/]*={0,2}$/.test(source.data)) {
      blocks.push({ image: { format, source: { bytes: Uint8Array.from(atob(source.data), (c) => c.charCodeAt(0)) } } });
    } else if (block.type === 'tool_use' && keys === 'id,input,name,type') blocks.push({ toolUse: { toolUseId: block.id, name: block.name, input: block.input } });
    else if (result && result.every((part) => part.text !== undefined || part.image)) {
      const status = block.is_error === undefined ? {} : { status: block.is_error ? 'error' : 'success' };
      blocks.push({ toolResult: { toolUseId: block.tool_use_id, content: result, ...status } });
    } else if (block.type === 'thinking' && keys === 'signature,thinking,type') {
      blocks.push({ reasoningContent: { reasoningText: { text: block.thinking, signature: block.signature } } });
    } else return undefined;
    if (cache_control !== undefined) {
      if (cache_control?.type !== 'ephemeral') return undefined;
      blocks.push({ cachePoint: cache_control.ttl === undefined ? { type: 'default' } : { type: 'default', ttl: cache_control.ttl } });
    }
  }
  return blocks;
}

/**
 * A Text Completions body → Converse fields, when its prompt splits cleanly into '\n\nHuman:' / '\n\nAssistant:'
 * turns that alternate from a Human turn and end with an empty Assistant turn; otherwise undefined.
 */
function converseFieldsFromPrompt(body) {
  const { anthropic_version, prompt, max_tokens_to_sample, temperature, top_p, top_k, stop_sequences, ...other } = body;
  if (Object.keys(other).length > 0 || typeof max_tokens_to_sample !== 'number' || (anthropic_version ?? 'bedrock-2023-05-31') !== 'bedrock-2023-05-31') return undefined;
  const parts = prompt.split(/\n\n(Human|Assistant):/);
  if (parts[0] !== '' || parts.length < 5 || parts[parts.length - 2] !== 'Assistant' || parts[parts.length - 1] !== '') return undefined;
  const messages = [];
  for (let i = 1; i < parts.length - 2; i += 2) {
    const role = parts[i] === 'Human' ? 'user' : 'assistant';
    const text = parts[i + 1].replace(/^ /, '');
    if (text.trim() === '' || role !== (messages.length % 2 === 0 ? 'user' : 'assistant')) return undefined;
    messages.push({ role, content: [{ text }] });
  }
  if (messages.length % 2 !== 1) return undefined;
  if (stop_sequences !== undefined && !Array.isArray(stop_sequences)) return undefined;
  // '\n\nHuman:' ended the legacy turn; with messages the model ends its turn by itself.
  const stops = stop_sequences?.filter((stop) => stop !== '\n\nHuman:');
  return {
    messages,
    inferenceConfig: { maxTokens: max_tokens_to_sample, temperature, topP: top_p, stopSequences: stops?.length ? stops : undefined },
    ...(top_k === undefined ? {} : { additionalModelRequestFields: { top_k } }),
  };
}

/**
 * A Converse output → the InvokeModel output: the Anthropic response JSON as body bytes (reference §3b read
 * backwards), or for a Text Completions request { type, completion, stop_reason, stop } where a finished turn
 * (end_turn) reads 'stop_sequence', as the legacy API reported it, and other stop reasons pass through. Converse has no message id or model name: those fields are absent. Text Completions
 * answers often began with a space; the Converse text does not.
 */
function invokeOutputFromConverse(output, textCompletion) {
  const content = (output.output?.message?.content ?? []).map(anthropicBlockFromConverse);
  const usage = output.usage ?? {};
  const stopSequence = output.additionalModelResponseFields?.stop_sequence ?? null;
  const text = content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  const body = textCompletion
    ? { type: 'completion', completion: text, stop_reason: output.stopReason !== 'end_turn' ? output.stopReason : 'stop_sequence', stop: stopSequence }
    : {
        type: 'message',
        role: 'assistant',
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
  return { $metadata: output.$metadata, contentType: 'application/json', body: invokeBody(JSON.stringify(body)) };
}

/**
 * One Converse content block → the Anthropic block: text, tool_use, thinking, redacted_thinking (its bytes as
 * base64: the encoding Anthropic uses for the opaque data is not documented for Converse).
 */
function anthropicBlockFromConverse(block) {
  if (block.text !== undefined) return { type: 'text', text: block.text };
  if (block.toolUse) return { type: 'tool_use', id: block.toolUse.toolUseId, name: block.toolUse.name, input: block.toolUse.input };
  const reasoning = block.reasoningContent;
  if (reasoning?.reasoningText) return { type: 'thinking', thinking: reasoning.reasoningText.text, signature: reasoning.reasoningText.signature };
  if (reasoning?.redactedContent) return { type: 'redacted_thinking', data: btoa(String.fromCharCode(...reasoning.redactedContent)) };
  throw new Error('anthropicBlockFromConverse: a Converse content block with no Anthropic counterpart');
}

/** JSON text as an InvokeModel output body: bytes that also answer transformToString(), like the body the SDK returns. */
function invokeBody(json) {
  const bytes = new TextEncoder().encode(json);
  return Object.assign(bytes, { transformToString: (encoding = 'utf-8') => new TextDecoder(encoding).decode(bytes) });
}
