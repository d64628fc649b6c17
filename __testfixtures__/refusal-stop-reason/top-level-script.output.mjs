#!/usr/bin/env node
// Usage: node scripts/release-notes.mjs < CHANGELOG.md
import { readFileSync } from "node:fs";
import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";

const changelog = readFileSync(0, "utf8");
const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION ?? "us-east-1" });
const modelId = process.env.MODEL_ID ?? "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

const response = await client.send(
  new ConverseCommand({
    modelId,
    system: [{ text: "Turn this changelog into friendly release notes." }],
    messages: [{ role: "user", content: [{ text: changelog }] }],
  })
);

if (response.stopReason === "content_filtered" || response.stopReason === "refusal") {
  throw new Error(
    `Claude refused the request (stop reason: ${response.stopReason}, model: ${modelId})`
  );
}

process.stdout.write(response.output.message.content[0].text + "\n");

function usage(stopReason) {
  if (stopReason === "max_tokens") console.error("(truncated)");
  else if (stopReason === "content_filtered" || stopReason === "refusal") {
    throw new Error(`Claude refused the request (stop reason: ${stopReason})`);
  }
}
usage(response.usage);
