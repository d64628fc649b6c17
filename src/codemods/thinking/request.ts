/**
 * Turns thinking on in one request, in the form its model accepts (fact sheet §8), and removes what thinking
 * forbids. A request it cannot change safely is left as it was, with a note saying why.
 */
import type { ASTPath } from 'jscodeshift';
import type { CodemodContext } from '../../engine/types';
import { getProperty, getPropertyValue, staticString, unwrapExpression, type AnyNode } from '../../ast/bedrock';
import { EditPlan } from './edits';
import { endsWithAssistantTurn } from '../../ast/messages';
import type { ModelInfo } from '../../models';
import { INTERLEAVED_THINKING_BETA, THINKING_MIN_TOP_P, rulesFor, thinkingFormFor } from '../../models/rules';
import type { ThinkingSetting } from './setting';
import { objectAt, type RequestSite } from './sites';

/** The pieces of a request thinking touches, whichever API shape holds them. */
interface Slots {
  /** Holds max tokens / temperature / top_p: the Anthropic params or Converse `inferenceConfig`. */
  sampling: AnyNode | undefined;
  names: { maxTokens: string; temperature: string; topP: string };
  /** Holds `thinking`, `top_k` and `anthropic_beta`: the Anthropic params or `additionalModelRequestFields`. */
  extra: AnyNode | undefined;
  /** `any` / `tool` / `auto` / …, or undefined. */
  toolChoice: string | undefined;
  hasTools: boolean;
}

function quoted(ctx: CodemodContext, value: string): string {
  return ctx.style.quote === 'single' ? `'${value}'` : `"${value}"`;
}

function numberValue(node: AnyNode): number | undefined {
  const value = unwrapExpression(node);
  if (value?.type === 'NumericLiteral' || (value?.type === 'Literal' && typeof value.value === 'number')) return value.value;
  return undefined;
}

function slotsOf(site: RequestSite, at: ASTPath): Slots | { missing: string } {
  if (site.kind !== 'converse') {
    const params = site.params;
    if (!params) return { missing: 'its body is not an object literal in this file' };
    const choice = objectAt(getPropertyValue(params, 'tool_choice'), at);
    return {
      sampling: params,
      names: { maxTokens: 'max_tokens', temperature: 'temperature', topP: 'top_p' },
      extra: params,
      toolChoice: choice ? staticString(getPropertyValue(choice, 'type')) : undefined,
      hasTools: !!getProperty(params, 'tools'),
    };
  }
  const input = site.input;
  const inferenceValue = getPropertyValue(input, 'inferenceConfig');
  const extraValue = getPropertyValue(input, 'additionalModelRequestFields');
  const sampling = inferenceValue ? objectAt(inferenceValue, at) : undefined;
  const extra = extraValue ? objectAt(extraValue, at) : undefined;
  if (inferenceValue && !sampling) return { missing: 'its inferenceConfig is not an object literal in this file' };
  if (extraValue && !extra) return { missing: 'its additionalModelRequestFields is not an object literal in this file' };
  const toolConfig = objectAt(getPropertyValue(input, 'toolConfig'), at);
  const choiceObject = toolConfig ? objectAt(getPropertyValue(toolConfig, 'toolChoice'), at) : undefined;
  const choiceKey = choiceObject?.properties[0]?.key;
  const extraChoice = extra ? objectAt(getPropertyValue(extra, 'tool_choice'), at) : undefined;
  return {
    sampling,
    names: { maxTokens: 'maxTokens', temperature: 'temperature', topP: 'topP' },
    extra,
    toolChoice: (choiceKey?.name ?? choiceKey?.value) || (extraChoice ? staticString(getPropertyValue(extraChoice, 'type')) : undefined),
    hasTools: !!getProperty(input, 'toolConfig'),
  };
}

/** True when the request already says something about thinking (this run's output, or the user's own). */
export function hasThinking(site: RequestSite, at: ASTPath): boolean {
  const slots = slotsOf(site, at);
  return 'missing' in slots ? false : !!(slots.extra && getProperty(slots.extra, 'thinking'));
}

export type ApplyResult = { applied: true; form: 'enabled' | 'adaptive'; hasTools: boolean } | { applied: false };

/** Adds thinking to one request for `model`; notes every change and every reason to leave it. */
export function applyThinking(ctx: CodemodContext, site: RequestSite, model: ModelInfo, setting: Exclude<ThinkingSetting, 'off'>): ApplyResult {
  const at = site.call;
  const skip = (why: string): ApplyResult => {
    ctx.note(`--thinking: not added to this ${model.name} request: ${why}`, at, 'parameters');
    return { applied: false };
  };
  const slots = slotsOf(site, at);
  if ('missing' in slots) return skip(slots.missing);
  const form = thinkingFormFor(model, setting);
  if (!form.ok) return skip(form.reason);
  const params = site.kind === 'converse' ? site.input : site.params;
  // Thinking forbids these; removing them would change what the call returns, so the request stays as it is.
  if (endsWithAssistantTurn(params, at)) return skip('it prefills the assistant turn, which thinking does not allow');
  if (slots.toolChoice === 'any' || slots.toolChoice === 'tool') return skip(`its tool_choice "${slots.toolChoice}" forces a tool, which thinking does not allow`);

  const { names } = slots;
  let maxTokens: number | undefined;
  if (form.type === 'enabled') {
    const current = slots.sampling ? numberValue(getPropertyValue(slots.sampling, names.maxTokens)) : undefined;
    if (current === undefined) return skip(`${names.maxTokens} is not a number written here, so the budget cannot be checked against it`);
    maxTokens = current;
    if (current <= form.budget) {
      const raised = current + form.budget;
      const limit = model.maxOutputTokens ?? raised;
      if (Math.min(raised, limit) <= form.budget) return skip(`the budget ${form.budget} is not below ${model.name}'s output limit (${limit})`);
      maxTokens = Math.min(raised, limit);
    }
  }

  // From here on the request changes.
  const plan = new EditPlan(ctx);
  const sampling = slots.sampling;
  if (sampling) {
    const temperature = getPropertyValue(sampling, names.temperature);
    if (temperature && numberValue(temperature) !== 1) {
      plan.remove(sampling, names.temperature);
      ctx.note(`--thinking: removed ${names.temperature} (thinking accepts only the default, 1)`, at, 'parameters');
    }
    const topP = getPropertyValue(sampling, names.topP);
    const topPValue = topP ? numberValue(topP) : undefined;
    if (topP && (topPValue === undefined || topPValue < THINKING_MIN_TOP_P)) {
      plan.remove(sampling, names.topP);
      ctx.note(`--thinking: removed ${names.topP} (thinking accepts only ${THINKING_MIN_TOP_P}–1)`, at, 'parameters');
    }
    const old = numberValue(getPropertyValue(sampling, names.maxTokens));
    if (maxTokens !== undefined && maxTokens !== old) {
      plan.set(sampling, names.maxTokens, String(maxTokens));
      ctx.note(`--thinking: raised ${names.maxTokens} from ${old} to ${maxTokens}: the thinking budget counts toward it`, at, 'parameters');
    }
  }
  const thinkingText =
    form.type === 'enabled'
      ? `{ type: ${quoted(ctx, 'enabled')}, budget_tokens: ${form.budget} }`
      : `{ type: ${quoted(ctx, 'adaptive')} }`;
  const interleaved = form.type === 'enabled' && slots.hasTools && rulesFor(model).interleaved === 'beta';
  const extra = slots.extra;
  if (extra) {
    if (getProperty(extra, 'top_k')) {
      plan.remove(extra, 'top_k');
      ctx.note('--thinking: removed top_k (thinking does not accept it)', at);
    }
    plan.add(extra, 'thinking', thinkingText);
    if (interleaved) addInterleavedBeta(ctx, plan, extra, at);
  } else {
    const beta = interleaved ? `, anthropic_beta: [${quoted(ctx, INTERLEAVED_THINKING_BETA)}]` : '';
    plan.add(site.input, 'additionalModelRequestFields', `{ thinking: ${thinkingText}${beta} }`);
    if (interleaved) ctx.note(`--thinking: added the ${INTERLEAVED_THINKING_BETA} beta flag so the model can think between tool calls`, at, 'parameters');
  }
  plan.apply();

  if (form.type === 'adaptive' && form.droppedBudget !== null) {
    ctx.note(`--thinking: ${model.name} accepts only adaptive thinking, so the budget ${form.droppedBudget} does not apply (tune it with effort)`, at, 'parameters');
  }
  const cost =
    form.type === 'enabled'
      ? `extended thinking on ${model.name} (budget ${form.budget} tokens): thinking tokens are billed as output tokens, up to ${form.budget} more per call`
      : `adaptive thinking on ${model.name}: the model decides how much to think; thinking tokens are billed as output tokens`;
  ctx.note(`--thinking: ${cost}`, at, 'parameters');
  return { applied: true, form: form.type, hasTools: slots.hasTools };
}

/** Adds the interleaved-thinking beta flag (thinking between tool calls) to `anthropic_beta`. */
function addInterleavedBeta(ctx: CodemodContext, plan: EditPlan, extra: AnyNode, at: ASTPath): void {
  const betas = unwrapExpression(getPropertyValue(extra, 'anthropic_beta'));
  if (betas && betas.type !== 'ArrayExpression') {
    ctx.note(`--thinking: anthropic_beta is computed here; add "${INTERLEAVED_THINKING_BETA}" for thinking between tool calls`, at, 'parameters');
    return;
  }
  if (betas?.elements.some((e: AnyNode) => staticString(e) === INTERLEAVED_THINKING_BETA)) return;
  const flag = quoted(ctx, INTERLEAVED_THINKING_BETA);
  if (betas) betas.elements.push(ctx.j.stringLiteral(INTERLEAVED_THINKING_BETA));
  else plan.add(extra, 'anthropic_beta', `[${flag}]`);
  ctx.note(`--thinking: added the ${INTERLEAVED_THINKING_BETA} beta flag so the model can think between tool calls`, at, 'parameters');
}
