import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-east-1" });
// TODO(bedrock-claude-codemod): application inference profile: if it routes to a retired or deprecated Claude, make one for a current model
const TEAM_PROFILE = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a1b2c3d4e5f6";
// Tagged for cost allocation; the fallback still names anthropic.claude-3-haiku-20240307-v1:0 in the docs.
const FALLBACK = "global.anthropic.claude-haiku-4-5-20251001-v1:0";

export async function generate(prompt, useTeamProfile = true) {
  const response = await client.send(
    new ConverseCommand({
      modelId: useTeamProfile ? TEAM_PROFILE : FALLBACK,
      messages: [{ role: "user", content: [{ text: prompt }] }],
    }),
  );
  return response.output.message.content[0].text;
}

export async function generateDirect(prompt) {
  const response = await client.send(
    new ConverseCommand({
      // TODO(bedrock-claude-codemod): application inference profile: if it routes to a retired or deprecated Claude, make one for a current model
      modelId: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/zz9plural",
      messages: [{ role: "user", content: [{ text: prompt }] }],
    }),
  );
  return response.output.message.content[0].text;
}
