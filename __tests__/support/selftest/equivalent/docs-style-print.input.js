// Shaped like the AWS documentation examples: build the request, send it, print the result.
import { BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
const prompt = "Describe the purpose of a 'hello world' program in one line.";

export const main = async () => {
  const request = {
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 512,
    temperature: 0.5,
    messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
  };
  try {
    const response = await client.send(
      new InvokeModelCommand({ contentType: 'application/json', body: JSON.stringify(request), modelId }),
    );
    const responseBody = JSON.parse(new TextDecoder().decode(response.body));
    console.log(responseBody.content[0].text);

    const streaming = await client.send(
      new InvokeModelWithResponseStreamCommand({ contentType: 'application/json', body: JSON.stringify(request), modelId }),
    );
    for await (const item of streaming.body) {
      const chunk = JSON.parse(new TextDecoder().decode(item.chunk.bytes));
      if (chunk.type === 'content_block_delta') process.stdout.write(chunk.delta.text);
    }
    console.log();
  } catch (err) {
    console.log(`ERROR: Can't invoke '${modelId}'. Reason: ${err}`);
    process.exitCode = 1;
  }
};
