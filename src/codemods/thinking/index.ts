/**
 * thinking: `--thinking <budget>|adaptive|off` turns Claude's extended thinking on in the requests of the
 * run, in the form each target accepts (fact sheet §8), and keeps the code after them right.
 *
 * Reads top to bottom:
 *  1. find every request (InvokeModel bodies, Converse inputs, AnthropicBedrock messages.create/stream);
 *  2. read its model; a request that already says something about thinking is left alone;
 *  3. add `thinking` (`enabled` + budget where the model accepts it, else `adaptive`), raise the token limit
 *     when the budget needs it, remove the sampling parameters thinking forbids, add the interleaved-thinking
 *     beta flag to tool loops whose model needs it; a prefill or a forced tool choice keeps the request as is;
 *  4. the response: `content[0].text` reads become reads of the first text block, streams skip thinking
 *     deltas, and a tool loop that rebuilds the assistant turn without its reasoning blocks gets a marker.
 * Every change and every request left alone is in the report, with the cost of thinking.
 */
import type { Codemod } from '../../engine/types';
import { resolveModel } from '../../models';
import { applyThinking, hasThinking } from './request';
import { fixResponseReads, guardTextDeltas, markRebuiltAssistantTurns } from './response';
import { parseThinkingSetting } from './setting';
import { findRequestSites } from './sites';

const codemod: Codemod = {
  name: 'thinking',
  run(ctx) {
    const setting = parseThinkingSetting(ctx.options.thinking);
    if (setting === 'off') return false;
    let changed = false;
    for (const site of findRequestSites(ctx)) {
      if (ctx.isIgnored(site.call) || hasThinking(site, site.call)) continue;
      const model = site.modelId ? resolveModel(site.modelId) : undefined;
      if (!model) {
        if (site.modelId === undefined || /claude/.test(site.modelId)) {
          ctx.note('--thinking: not added: the model is not written here, and the thinking form depends on it', site.call);
        }
        continue;
      }
      const result = applyThinking(ctx, site, model, setting);
      if (!result.applied) continue;
      changed = true;
      if (site.stream) changed = guardTextDeltas(ctx, site) || changed;
      else changed = fixResponseReads(ctx, site) || changed;
      if (result.hasTools) markRebuiltAssistantTurns(ctx, site);
    }
    return changed;
  },
};

export default codemod;
