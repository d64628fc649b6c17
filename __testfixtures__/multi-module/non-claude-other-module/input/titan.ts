export function titanSummaryBody(text: string): string {
  return JSON.stringify({
    inputText: `Summarize: ${text}`,
    textGenerationConfig: { maxTokenCount: 256, temperature: 0 },
  });
}
