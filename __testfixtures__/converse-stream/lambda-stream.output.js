// AWS Lambda with response streaming: writes the answer to the client as it arrives.
import { BedrockRuntimeClient, ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { Readable } from "node:stream";

const client = new BedrockRuntimeClient({});

/** Turns the model stream into a Node Readable of text. */
export async function answerStream(question) {
  const out = new Readable({ read() {} });
  const res = await client.send(
    new ConverseStreamCommand({
      modelId: process.env.MODEL_ID ?? "anthropic.claude-3-haiku-20240307-v1:0",
      messages: [{ role: "user", content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 512, temperature: 0.5 },
    }),
  );
  (async () => {
    try {
      for await (const event of res.stream) {
        if (event.contentBlockDelta?.delta?.text !== undefined) {
          out.push(event.contentBlockDelta.delta.text);
        } else if (event.messageStop) {
          out.push(null);
        }
      }
    } catch (err) {
      out.destroy(err);
    }
  })();
  return out;
}

/** Reads the whole answer back (used by the CLI and the tests). */
export async function answerText(question) {
  let text = "";
  for await (const piece of await answerStream(question)) text += piece;
  return text;
}

export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const { question } = JSON.parse(event.body ?? "{}");
  (await answerStream(question)).pipe(responseStream);
});
