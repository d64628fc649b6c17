import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import type {
  BetaToolBash20250124,
  BetaToolComputerUse20251124,
  BetaToolTextEditor20250728,
  BetaMessageParam,
  BetaToolUnion,
} from '@anthropic-ai/sdk/resources/beta/messages';

const anthropic = new AnthropicBedrock({ awsRegion: 'us-west-2' });

// TODO(bedrock-claude-codemod): computer_20241022 became computer_20251124, which Opus 4.5+ and Sonnet 4.6+ accept: check the model
const computer: BetaToolComputerUse20251124 = {
  type: 'computer_20251124',
  name: 'computer',
  display_width_px: 1280,
  display_height_px: 800,
  display_number: 1,
};

const editor: BetaToolTextEditor20250728 = { type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' };

const shell: BetaToolBash20250124 = { type: 'bash_20250124', name: 'bash' };

export const COMPUTER_USE_TOOLS: BetaToolUnion[] = [computer, editor, shell];

export async function step(history: BetaMessageParam[]) {
  return anthropic.beta.messages.create({
    model: 'anthropic.claude-3-5-sonnet-20241022-v2:0',
    max_tokens: 2048,
    betas: ['computer-use-2025-11-24'],
    tools: COMPUTER_USE_TOOLS,
    messages: history,
  });
}
