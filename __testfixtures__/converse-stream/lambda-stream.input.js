// AWS Lambda with response streaming: writes the answer to the client as it arrives.
import { BedrockRuntimeClient, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { Readable } from "node:stream";

const client = new BedrockRuntimeClient({});

/** Turns the model stream into a Node Readable of text. */
export async function answerStream(question) {
  const out = new Readable({ read() {} });
  const res = await client.send(
    new InvokeModelWithResponseStreamCommand({
      modelId: process.env.MODEL_ID ?? "anthropic.claude-3-haiku-20240307-v1:0",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 512,
        temperature: 0.5,
        messages: [{ role: "user", content: [{ type: "text", text: question }] }],
      }),
    }),
  );
  (async () => {
    try {
      for await (const event of res.body) {
        const json = JSON.parse(Buffer.from(event.chunk.bytes).toString("utf8"));
        switch (json.type) {
          case "content_block_delta":
            if (json.delta.type === "text_delta") out.push(json.delta.text);
            break;
          case "message_stop":
            out.push(null);
            break;
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
