import { BedrockRuntime } from "@aws-sdk/client-bedrock-runtime";

const bedrock = new BedrockRuntime({ region: "us-west-2" });

const MODELS = {
  research: "us.anthropic.claude-opus-4-5-20251101-v1:0",
  archive: "global.anthropic.claude-opus-4-5-20251101-v1:0",
  draft: "us.anthropic.claude-sonnet-4-6",
};

export async function research(question) {
  const res = await bedrock.converse({
    modelId: MODELS.research,
    messages: [{ role: "user", content: [{ text: question }] }],
  });
  return res.output.message.content[0].text;
}

export { MODELS };
