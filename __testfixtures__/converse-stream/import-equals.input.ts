import Bedrock = require('@aws-sdk/client-bedrock-runtime');

const client = new Bedrock.BedrockRuntimeClient({ region: 'us-east-1' });

/** Classifies a support ticket, streaming the label as it is written. */
export async function classify(ticket: string): Promise<{ label: string; stop: string }> {
  const res = await client.send(
    new Bedrock.InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      body: JSON.stringify({
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 20,
        temperature: 0,
        system: 'Answer with one word: billing, bug, or other.',
        messages: [{ role: 'user', content: ticket }],
      }),
    }),
  );
  let label = '';
  let stop = '';
  for await (const ev of res.body!) {
    const msg = JSON.parse(Buffer.from(ev.chunk!.bytes!).toString());
    switch (msg.type) {
      case 'content_block_delta':
        label += msg.delta.text;
        break;
      case 'message_delta':
        stop = msg.delta.stop_reason;
        break;
      default:
        break;
    }
  }
  return { label: label.trim(), stop };
}
