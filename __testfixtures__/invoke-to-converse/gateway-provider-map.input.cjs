// A multi-provider completion gateway: one send, a request/response adapter per model family.
const { BedrockRuntimeClient, InvokeModelCommand } = require('@aws-sdk/client-bedrock-runtime');

const providers = {
  anthropic: {
    body: (prompt, maxTokens) => ({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: maxTokens,
      system: 'You answer in one short paragraph.',
      messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }],
    }),
    text: (payload) => payload.content.filter((block) => block.type === 'text').map((block) => block.text).join(''),
    usage: (payload) => ({ input: payload.usage.input_tokens, output: payload.usage.output_tokens }),
  },
  amazon: {
    body: (prompt, maxTokens) => ({ inputText: `User: ${prompt}\nBot:`, textGenerationConfig: { maxTokenCount: maxTokens } }),
    text: (payload) => payload.results[0].outputText,
    usage: (payload) => ({ input: payload.inputTextTokenCount, output: payload.results[0].tokenCount }),
  },
  meta: {
    body: (prompt, maxTokens) => ({ prompt, max_gen_len: maxTokens }),
    text: (payload) => payload.generation,
    usage: (payload) => ({ input: payload.prompt_token_count, output: payload.generation_token_count }),
  },
};

function providerOf(modelId) {
  const base = modelId.replace(/^(us|eu|apac|global)\./, '');
  const provider = providers[base.split('.')[0]];
  if (!provider) throw new Error(`No adapter for ${modelId}`);
  return provider;
}

class CompletionGateway {
  constructor(region = 'us-east-1') {
    this.client = new BedrockRuntimeClient({ region });
  }

  async complete(modelId, prompt, maxTokens = 400) {
    const provider = providerOf(modelId);
    const command = new InvokeModelCommand({
      modelId,
      contentType: 'application/json',
      accept: 'application/json',
      body: JSON.stringify(provider.body(prompt, maxTokens)),
    });
    const response = await this.client.send(command);
    const payload = JSON.parse(Buffer.from(response.body).toString('utf8'));
    return { modelId, text: provider.text(payload), usage: provider.usage(payload) };
  }
}

async function compareModels(prompt, modelIds) {
  const gateway = new CompletionGateway();
  const results = [];
  for (const modelId of modelIds) results.push(await gateway.complete(modelId, prompt));
  return results;
}

module.exports = { CompletionGateway, compareModels };
