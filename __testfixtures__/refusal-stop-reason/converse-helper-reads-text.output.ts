import {
  BedrockRuntimeClient,
  ConverseCommand,
  type ConverseCommandInput,
  type ConverseCommandOutput,
} from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
const MODEL_ID = "global.anthropic.claude-haiku-4-5-20251001-v1:0";

/** Joins the text blocks of a Converse answer. */
function textOf(output: ConverseCommandOutput): string {
  return output.output?.message?.content?.map((block) => block.text ?? "").join("") ?? "";
}

/** Checks the stop reason itself: callers of this one are fine. */
const finishedText = (output: ConverseCommandOutput): string => {
  if (output.stopReason !== "end_turn") throw new Error(`stopped early: ${output.stopReason}`);
  return textOf(output);
};

function request(prompt: string): ConverseCommandInput {
  return { modelId: MODEL_ID, messages: [{ role: "user", content: [{ text: prompt }] }], inferenceConfig: { maxTokens: 300 } };
}

export async function faqAnswer(question: string): Promise<string> {
  let response: ConverseCommandOutput;
  try {
    response = await client.send(new ConverseCommand(request(question)));

    if (response.stopReason === "content_filtered" || response.stopReason === ("refusal" as string)) {
      throw new Error(`Claude refused the request (stop reason: ${response.stopReason})`);
    }
  } catch (error) {
    throw new Error(`Bedrock call failed: ${String(error)}`);
  }
  return textOf(response);
}

export async function strictAnswer(question: string): Promise<string> {
  const response = await client.send(new ConverseCommand(request(question)));
  return finishedText(response);
}

export async function shortAnswer(question: string): Promise<string> {
  const response = await client.send(new ConverseCommand(request(`${question}\nAnswer in one sentence.`)));

  if (response.stopReason === "content_filtered" || response.stopReason === ("refusal" as string)) {
    throw new Error(`Claude refused the request (stop reason: ${response.stopReason})`);
  }

  return textOf(response).split(". ")[0];
}
