import Anthropic from '@anthropic-ai/sdk';
import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';
import type { BetaToolTextEditor20250124 as EditorToolParam } from '@anthropic-ai/sdk/resources/beta/messages';
import type * as BetaMessages from '@anthropic-ai/sdk/resources/beta/messages';

const bedrock = new AnthropicBedrock({ awsRegion: 'eu-central-1' });

export const editor: EditorToolParam = { type: 'text_editor_20250124', name: 'str_replace_editor' };

export const shell: BetaMessages.BetaToolBash20241022 = { type: 'bash_20241022', name: 'bash' };

export function isEditor(tool: Anthropic.Beta.BetaToolUnion): tool is Anthropic.Beta.BetaToolTextEditor20250124 {
  return tool.type === 'text_editor_20250124';
}

export async function call(prompt: string) {
  return bedrock.beta.messages.create({
    model: 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0',
    max_tokens: 1000,
    betas: ['token-efficient-tools-2025-02-19'],
    tools: [editor, shell],
    messages: [{ role: 'user', content: prompt }],
  });
}
