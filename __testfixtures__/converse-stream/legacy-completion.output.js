// Claude 2 era: Text Completions streamed token by token.
const { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } = require('@aws-sdk/client-bedrock-runtime');

const client = new BedrockRuntimeClient({ region: 'us-east-1' });

exports.complete = async function complete(question, onToken) {
  // TODO(bedrock-claude-codemod): kept on InvokeModelWithResponseStream: the loop reads legacy Text Completions chunks (`completion`), whose text and…
  const response = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: 'anthropic.claude-v2:1',
      contentType: 'application/json',
      accept: '*/*',
      body: JSON.stringify({
        prompt: `\n\nHuman: ${question}\n\nAssistant:`,
        max_tokens_to_sample: 300,
        stop_sequences: ['\n\nHuman:'],
      }),
    }),
  );
  let full = '';
  for await (const event of response.body) {
    const chunk = JSON.parse(new TextDecoder().decode(event.chunk.bytes));
    full += chunk.completion;
    onToken(chunk.completion);
  }
  return full;
};
