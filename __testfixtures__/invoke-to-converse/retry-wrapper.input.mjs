import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({ region: process.env.AWS_REGION || 'us-east-1', maxAttempts: 1 });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Bedrock throttles hard on new accounts, so we retry ourselves with a bit of backoff
async function withRetry(fn, { retries = 3, baseMs = 250 } = {}) {
  let lastErr;
  for (let i = 0; i <= retries; i++) {
    try {
      return await fn();
    } catch (err) {
      lastErr = err;
      if (err.name !== 'ThrottlingException' && err.name !== 'ServiceUnavailableException') throw err;
      await sleep(baseMs * 2 ** i);
    }
  }
  throw lastErr;
}

export async function summarize(text, maxWords = 50) {
  const res = await withRetry(() =>
    bedrock.send(
      new InvokeModelCommand({
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        contentType: 'application/json',
        accept: 'application/json',
        body: JSON.stringify({
          anthropic_version: 'bedrock-2023-05-31',
          max_tokens: 300,
          temperature: 0.2,
          messages: [{ role: 'user', content: `Summarize in at most ${maxWords} words:\n\n${text}` }]
        })
      })
    )
  );
  const json = JSON.parse(new TextDecoder().decode(res.body));
  return json.content[0].text;
}
