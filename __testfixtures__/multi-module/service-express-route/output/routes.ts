import { askClaude } from './claude';

interface AskRequest {
  body: { question: string };
}

interface JsonResponse {
  status(code: number): JsonResponse;
  json(body: unknown): void;
}

export async function askRoute(req: AskRequest, res: JsonResponse) {
  if (!req.body.question) {
    res.status(400).json({ error: 'question is required' });
    return;
  }
  const message = await askClaude(req.body.question, 256);
  res.json({
    answer: message.output!.message!.content![0].text!,
    truncated: message.stopReason === 'max_tokens',
    tokens: message.usage!.inputTokens! + message.usage!.outputTokens!,
  });
}
