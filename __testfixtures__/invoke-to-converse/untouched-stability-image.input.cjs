const bedrock = require("@aws-sdk/client-bedrock-runtime");

const runtime = new bedrock.BedrockRuntimeClient({ region: "us-west-2" });

exports.handler = async (event) => {
  const request = {
    text_prompts: [{ text: event.prompt, weight: 1 }],
    cfg_scale: 10,
    steps: 30,
    seed: 0,
  };
  const result = await runtime.send(
    new bedrock.InvokeModelCommand({
      modelId: process.env.IMAGE_MODEL_ID || "stability.stable-diffusion-xl-v1",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify(request),
    }),
  );
  const parsed = JSON.parse(new TextDecoder().decode(result.body));
  return { statusCode: 200, body: JSON.stringify({ image: parsed.artifacts[0].base64 }) };
};
