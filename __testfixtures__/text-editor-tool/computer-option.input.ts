import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import type {
  BetaToolBash20241022,
  BetaToolComputerUse20241022,
  BetaToolTextEditor20241022,
  BetaMessageParam,
  BetaToolUnion,
} from '@anthropic-ai/sdk/resources/beta/messages';

const anthropic = new AnthropicBedrock({ awsRegion: 'us-west-2' });

const computer: BetaToolComputerUse20241022 = {
  type: 'computer_20241022',
  name: 'computer',
  display_width_px: 1280,
  display_height_px: 800,
  display_number: 1,
};

const editor: BetaToolTextEditor20241022 = { type: 'text_editor_20241022', name: 'str_replace_editor' };

const shell: BetaToolBash20241022 = { type: 'bash_20241022', name: 'bash' };

export const COMPUTER_USE_TOOLS: BetaToolUnion[] = [computer, editor, shell];

export async function step(history: BetaMessageParam[]) {
  return anthropic.beta.messages.create({
    // The fleet runs Haiku 4.5 and Sonnet 4.5 (see deploy/models.json); the ID comes from the environment.
    model: process.env.DESKTOP_MODEL_ID ?? '',
    max_tokens: 2048,
    betas: ['computer-use-2024-10-22'],
    tools: COMPUTER_USE_TOOLS,
    messages: history,
  });
}
