import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';

const bedrock = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? 'us-east-1' });

interface ApiEvent {
  body: string | null;
}

interface ApiResult {
  statusCode: number;
  body: string;
}

interface EvalCase {
  modelId: string;
  question: string;
}

interface EvalAnswer {
  modelId: string;
  answer: string;
  finishReason: string;
  outputTokens: number;
}

async function ask({ modelId, question }: EvalCase, signal?: AbortSignal): Promise<EvalAnswer> {
  let body: Record<string, unknown>;
  if (modelId.startsWith('anthropic.') || modelId.includes('.anthropic.')) {
    body = {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 512,
      temperature: 0.3,
      stop_sequences: ['END'],
      messages: [{ role: 'user', content: question }],
    };
  } else if (modelId.startsWith('amazon.titan-')) {
    body = { inputText: question, textGenerationConfig: { maxTokenCount: 512, temperature: 0.3 } };
  } else {
    body = { prompt: question, max_gen_len: 512, temperature: 0.3 };
  }

  const command = new InvokeModelCommand({ modelId, contentType: 'application/json', body: JSON.stringify(body) });
  const response = await bedrock.send(command, { abortSignal: signal });
  const data = JSON.parse(response.body.transformToString());

  if (modelId.startsWith('anthropic.') || modelId.includes('.anthropic.')) {
    return { modelId, answer: data.content[0].text, finishReason: data.stop_reason, outputTokens: data.usage.output_tokens };
  }
  if (modelId.startsWith('amazon.titan-')) {
    const [result] = data.results;
    return { modelId, answer: result.outputText, finishReason: result.completionReason, outputTokens: result.tokenCount };
  }
  return { modelId, answer: data.generation, finishReason: data.stop_reason, outputTokens: data.generation_token_count };
}

export const handler = async (event: ApiEvent): Promise<ApiResult> => {
  const cases: EvalCase[] = JSON.parse(event.body ?? '[]');
  const answers: EvalAnswer[] = [];
  for (const c of cases) answers.push(await ask(c));
  return { statusCode: 200, body: JSON.stringify(answers) };
};
