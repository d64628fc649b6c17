import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntime({ region: "us-west-2" });

const MODELS = {
  research: "us.anthropic.claude-opus-4-1-20250805-v1:0",
  archive: "anthropic.claude-3-opus-20240229-v1:0",
  draft: "us.anthropic.claude-3-5-haiku-20241022-v1:0",
};

export async function research(question) {
  const res = await bedrock.converse({
    modelId: MODELS.research,
    messages: [{ role: "user", content: [{ text: question }] }],
  });
  return res.output.message.content[0].text;
}

export { MODELS };
