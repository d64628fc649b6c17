// A hand-signed call to the bedrock-runtime REST API (SigV4 signing elided).
export async function invokeRaw(region: string, body: unknown, sign: (url: string, body: string) => Promise<Headers>) {
  const url = `https://bedrock-runtime.${region}.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1:0/invoke`;
  const payload = JSON.stringify(body);
  const res = await fetch(url, { method: "POST", headers: await sign(url, payload), body: payload });
  return res.json();
}

export const STREAM_PATH = "/model/us.anthropic.claude-3-5-haiku-20241022-v1:0/invoke-with-response-stream";
export const DOCS = "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html";
