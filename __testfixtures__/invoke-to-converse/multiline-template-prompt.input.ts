import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({ region: "us-west-2" });

/** Drafts release notes from a list of merged pull requests. */
export async function releaseNotes(version: string, pullRequests: string[]): Promise<string> {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      contentType: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 1500,
        system: `You write release notes for developers.
  Group the changes under these headings:
    - Features
    - Fixes
  Keep each line under 100 characters.`,
        messages: [
          {
            role: "user",
            content: `Release ${version}. Merged pull requests:
${pullRequests.map((title) => `  * ${title}`).join("\n")}`,
          },
        ],
      }),
    }),
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  return result.content[0].text;
}
