import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const region = process.env.AWS_REGION ?? "us-east-1";
const client = new BedrockRuntimeClient({ region });

// Foundation-model ARNs were used for IAM-scoped access.
// TODO(bedrock-claude-codemod): foundation-model ARN: Claude Haiku 4.5 needs an inference-profile ARN (with your account ID) on demand
const HAIKU_ARN = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0";
// TODO(bedrock-claude-codemod): foundation-model ARN: Claude Sonnet 4.6 needs an inference-profile ARN (with your account ID) on demand
const SONNET_ARN = `arn:aws:bedrock:${region}::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0`;
const CURRENT_ARN = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-opus-4-5-20251101-v1:0";

export async function complete(prompt: string, big = false) {
  const res = await client.send(
    new InvokeModelCommand({
      modelId: big ? SONNET_ARN : HAIKU_ARN,
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 256,
        messages: [{ role: "user", content: prompt }],
      }),
    }),
  );
  return { body: JSON.parse(new TextDecoder().decode(res.body)), arn: CURRENT_ARN };
}
