/**
 * Legacy Text Completions bodies (`prompt: "\n\nHuman: …\n\nAssistant:"`, `max_tokens_to_sample`) → one user
 * message and the inference config.
 */
import { isStringLiteral, makeProperty, type AnyNode, unwrapExpression } from '../../ast/bedrock';
import { textBlock } from './content';
import { type RequestBuilder } from './state';
import { block } from '../result';
import { SAMPLING } from '../vocabulary';

/** Legacy `{ prompt: "\n\nHuman: …\n\nAssistant:", max_tokens_to_sample }` → one user message. */
export function textCompletionProperties(b: RequestBuilder, seen: Map<string, AnyNode>): AnyNode[] {
  const j = b.j;
  b.textCompletion = true;
  const inference: AnyNode[] = [];
  const additional: AnyNode[] = [];
  let text: AnyNode | undefined;
  for (const [name, value] of seen) {
    if (name === 'anthropic_version') continue;
    if (name === 'prompt') text = completionPrompt(b, value);
    else if (name === 'max_tokens_to_sample') inference.push(makeProperty(j, 'maxTokens', value));
    else if (name === 'temperature' || name === 'top_p' || name === 'stop_sequences') inference.push(makeProperty(j, SAMPLING[name], value));
    else if (name === 'top_k') additional.push(makeProperty(j, name, value));
    else block(`Text Completions field "${name}" has no Converse equivalent`);
  }
  const messages = j.arrayExpression([
    j.objectExpression([makeProperty(j, 'role', j.stringLiteral('user')), makeProperty(j, 'content', j.arrayExpression([textBlock(j, text!)]))]),
  ]);
  const props = [makeProperty(j, 'messages', messages)];
  if (inference.length) props.push(makeProperty(j, 'inferenceConfig', j.objectExpression(inference)));
  if (additional.length) props.push(makeProperty(j, 'additionalModelRequestFields', j.objectExpression(additional)));
  return props;
}

/**
 * The prompt must be exactly one `\n\nHuman: <text>\n\nAssistant:` turn, written as a template literal
 * or a string; the text between the markers becomes the user message.
 */
export function completionPrompt(b: RequestBuilder, value: AnyNode): AnyNode {
  const j = b.j;
  const v = unwrapExpression(value);
  const HUMAN = '\n\nHuman:';
  const ASSISTANT = '\n\nAssistant:';
  if (isStringLiteral(v)) {
    const s = v.value;
    const inner = singleTurn(s);
    if (inner === undefined) block('prompt is not a single "\\n\\nHuman: … \\n\\nAssistant:" turn');
    return j.stringLiteral(inner);
  }
  if (v.type === 'TemplateLiteral') {
    const quasis = v.quasis.map((q: AnyNode) => q.value.cooked as string);
    const head = quasis[0];
    const tail = quasis[quasis.length - 1];
    const headTrim = head.replace(/^\n\nHuman: ?/, '');
    if (headTrim === head || !tail.endsWith(ASSISTANT)) block('prompt is not a single "\\n\\nHuman: … \\n\\nAssistant:" turn');
    const tailTrim = tail.slice(0, tail.length - ASSISTANT.length);
    if (quasis.some((q: string) => q.includes(HUMAN.trim()) && q !== head) || headTrim.includes('Human:') || tailTrim.includes('Assistant:')) {
      block('prompt has several Human/Assistant turns');
    }
    if (quasis.length === 1) {
      const s = tailTrim.replace(/^\n\nHuman: ?/, '');
      return j.stringLiteral(s);
    }
    const newQuasis = quasis.map((q: string, i: number) => {
      let t = q;
      if (i === 0) t = headTrim;
      if (i === quasis.length - 1) t = i === 0 ? t : tailTrim;
      return j.templateElement({ raw: escapeTemplate(t), cooked: t }, i === quasis.length - 1);
    });
    if (quasis.length - 1 === 1 && newQuasis[0].value.cooked === '' && newQuasis[1].value.cooked === '') return v.expressions[0];
    return j.templateLiteral(newQuasis, v.expressions);
  }
  block('prompt is not a literal "\\n\\nHuman: … \\n\\nAssistant:" string');
}

/** The text of a one-turn `\n\nHuman: X\n\nAssistant:` prompt, or undefined. */
export function singleTurn(s: string): string | undefined {
  const m = /^\n\nHuman: ?([\s\S]*)\n\nAssistant:$/.exec(s);
  if (!m || m[1].includes('\n\nHuman:') || m[1].includes('\n\nAssistant:')) return undefined;
  return m[1];
}

/** Escapes text for a template literal quasi. */
export function escapeTemplate(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\n/g, '\\n');
}

