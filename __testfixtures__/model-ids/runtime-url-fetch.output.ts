// A hand-signed call to the bedrock-runtime REST API (SigV4 signing elided).
export async function invokeRaw(region: string, body: unknown, sign: (url: string, body: string) => Promise<Headers>) {
  const url = `https://bedrock-runtime.${region}.amazonaws.com/model/global.anthropic.claude-haiku-4-5-20251001-v1:0/invoke`;
  const payload = JSON.stringify(body);
  const res = await fetch(url, { method: "POST", headers: await sign(url, payload), body: payload });
  return res.json();
}

export const STREAM_PATH = "/model/us.anthropic.claude-haiku-4-5-20251001-v1:0/invoke-with-response-stream";
export const DOCS = "https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html";
