import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });

const SYSTEM = `You answer questions about the attached policy.
Think inside <scratchpad> tags, then give the answer inside <answer> tags.`;

export async function answerFromPolicy(policy: string, question: string) {
  const response = await client.send(new InvokeModelCommand({
    modelId: "anthropic.claude-3-sonnet-20240229-v1:0",
    contentType: "application/json",
    body: JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: 1024,
      system: SYSTEM,
      stop_sequences: ["</answer>"],
      messages: [{ role: "user", content: `<policy>\n${policy}\n</policy>\n\n${question}` }],
    }),
  }));
  const out = JSON.parse(new TextDecoder().decode(response.body));
  const text: string = out.content[0].text;
  const start = text.indexOf("<answer>");
  return {
    answer: start === -1 ? text : text.slice(start + "<answer>".length).trim(),
    stoppedAtTag: out.stop_reason === "stop_sequence",
  };
}
