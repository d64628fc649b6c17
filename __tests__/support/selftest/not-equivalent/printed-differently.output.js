// Shaped like the AWS documentation examples: build the request, send it, print the result.
import { BedrockRuntimeClient, ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';

const client = new BedrockRuntimeClient({ region: 'us-east-1' });
const modelId = 'anthropic.claude-3-haiku-20240307-v1:0';
const prompt = "Describe the purpose of a 'hello world' program in one line.";

export const main = async () => {
  const request = {
    modelId,
    messages: [{ role: 'user', content: [{ text: prompt }] }],
    inferenceConfig: { maxTokens: 512, temperature: 0.5 },
  };
  try {
    const response = await client.send(new ConverseCommand(request));
    console.log(JSON.stringify(response.output.message.content));

    const streaming = await client.send(new ConverseStreamCommand(request));
    for await (const item of streaming.stream) {
      if (item.contentBlockDelta) process.stdout.write(item.contentBlockDelta.delta?.text);
    }
    console.log();
  } catch (err) {
    console.log(`ERROR: Can't invoke '${modelId}'. Reason: ${err}`);
    process.exitCode = 1;
  }
};
