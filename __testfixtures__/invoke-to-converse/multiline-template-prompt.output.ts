import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });

/** Drafts release notes from a list of merged pull requests. */
export async function releaseNotes(version: string, pullRequests: string[]): Promise<string> {
  const response = await client.send(
    new ConverseCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",

      messages: [{
        role: "user",

        content: [{
          text: `Release ${version}. Merged pull requests:
${pullRequests.map((title) => `  * ${title}`).join("\n")}`,
        }],
      }],

      system: [{
        text: `You write release notes for developers.
  Group the changes under these headings:
    - Features
    - Fixes
  Keep each line under 100 characters.`,
      }],

      inferenceConfig: { maxTokens: 1500 },
    }),
  );
  return response.output!.message!.content![0].text!;
}
