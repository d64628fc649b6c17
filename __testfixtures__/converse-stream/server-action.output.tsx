'use server';

import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

export interface DraftState {
  draft: string;
  truncated: boolean;
  error?: string;
}

/** React server action: drafts a product description from the form, streaming it server-side. */
export async function draftDescription(_prev: DraftState, formData: FormData): Promise<DraftState> {
  const product = String(formData.get('product') ?? '');
  const response = await client.send(
    new ConverseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      messages: [{ role: 'user', content: [{ text: `Describe: ${product}` }] }],
      system: [{ text: 'Write short, friendly product descriptions.' }],
      inferenceConfig: { maxTokens: 200 },
    }),
  );

  let draft = '';
  let truncated = false;
  try {
    for await (const event of response.stream!) {
      if (event.validationException) return { draft, truncated, error: event.validationException.message };

      if (event.contentBlockDelta?.delta?.text !== undefined) {
        draft += event.contentBlockDelta.delta.text;
      } else if (event.messageStop) {
        if (event.messageStop.stopReason === 'max_tokens') {
          truncated = true;
        }
      }
    }
  } catch (err) {
    return { draft, truncated, error: (err as Error).message };
  }
  return { draft: draft.trim(), truncated };
}

export default function DraftForm({ action }: { action: (formData: FormData) => void }) {
  return (
    <form action={action}>
      <input name="product" placeholder="Product" />
      <button type="submit">Draft</button>
    </form>
  );
}
