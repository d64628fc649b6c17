import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const SYSTEM = `You answer questions about the attached policy.
Think inside <scratchpad> tags, then give the answer inside <answer> tags.`;

export async function answerFromPolicy(policy: string, question: string) {
  const response = await client.send(new ConverseCommand({
    modelId: "anthropic.claude-3-sonnet-20240229-v1:0",
    messages: [
      {
        role: "user",
        content: [{ text: `<policy>\n${policy}\n</policy>\n\n${question}` }],
      },
    ],
    system: [{ text: SYSTEM }],
    inferenceConfig: { maxTokens: 1024, stopSequences: ["</answer>"] },
  }));
  const text: string = response.output!.message!.content![0].text!;
  const start = text.indexOf("<answer>");
  return {
    answer: start === -1 ? text : text.slice(start + "<answer>".length).trim(),
    stoppedAtTag: response.stopReason === "stop_sequence",
  };
}
