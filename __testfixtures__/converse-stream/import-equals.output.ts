import Bedrock = require('@aws-sdk/client-bedrock-runtime');

const client = new Bedrock.BedrockRuntimeClient({ region: 'us-east-1' });

/** Classifies a support ticket, streaming the label as it is written. */
export async function classify(ticket: string): Promise<{ label: string; stop: string }> {
  const res = await client.send(
    new Bedrock.ConverseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      messages: [{ role: 'user', content: [{ text: ticket }] }],
      system: [{ text: 'Answer with one word: billing, bug, or other.' }],
      inferenceConfig: { maxTokens: 20, temperature: 0 },
    }),
  );
  let label = '';
  let stop = '';
  for await (const ev of res.stream!) {
    if (ev.contentBlockDelta) {
      label += ev.contentBlockDelta.delta!.text!;
    } else if (ev.messageStop) {
      stop = ev.messageStop.stopReason!;
    }
  }
  return { label: label.trim(), stop };
}
