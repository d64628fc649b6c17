import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import type {
  BetaToolBash20250124,
  BetaToolComputerUse20250124,
  BetaToolTextEditor20250728,
  BetaMessageParam,
  BetaToolUnion,
} from '@anthropic-ai/sdk/resources/beta/messages';

const anthropic = new AnthropicBedrock({ awsRegion: 'us-west-2' });

// TODO(bedrock-claude-codemod): computer_20241022 became computer_20250124, which Sonnet 4/4.5, Haiku 4.5 and Opus 4/4.1 accept: check the model
const computer: BetaToolComputerUse20250124 = {
  type: 'computer_20250124',
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
    // The fleet runs Haiku 4.5 and Sonnet 4.5 (see deploy/models.json); the ID comes from the environment.
    model: process.env.DESKTOP_MODEL_ID ?? '',
    max_tokens: 2048,
    betas: ['computer-use-2025-01-24'],
    tools: COMPUTER_USE_TOOLS,
    messages: history,
  });
}
