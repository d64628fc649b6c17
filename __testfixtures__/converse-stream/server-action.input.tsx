'use server';

import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

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
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 200,
        system: 'Write short, friendly product descriptions.',
        messages: [{ role: 'user', content: `Describe: ${product}` }],
      }),
    }),
  );

  let draft = '';
  let truncated = false;
  try {
    for await (const event of response.body!) {
      if (event.validationException) return { draft, truncated, error: event.validationException.message };
      if (!event.chunk) continue;
      const decoded = new TextDecoder().decode(event.chunk.bytes);
      const chunk = JSON.parse(decoded) as { type: string; delta?: { type?: string; text?: string; stop_reason?: string } };
      if (chunk.type === 'content_block_delta' && chunk.delta?.type === 'text_delta') {
        draft += chunk.delta.text;
      } else if (chunk.type === 'message_delta' && chunk.delta?.stop_reason === 'max_tokens') {
        truncated = true;
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
