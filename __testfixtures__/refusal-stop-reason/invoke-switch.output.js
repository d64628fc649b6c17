const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({});

async function generateTitle(article) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 60,
        stop_sequences: ["\n"],
        messages: [{ role: "user", content: `Write a title for:\n${article}` }],
      }),
    })
  );
  const body = JSON.parse(new TextDecoder().decode(response.body));
  let title;
  switch (body.stop_reason) {
    case "end_turn":
    case "stop_sequence":
      title = body.content[0].text;
      break;
    case "max_tokens":
      title = body.content[0].text + "…";
      break;
    case "refusal":
      throw new Error(
        "Claude refused the request (stop reason: refusal, model: anthropic.claude-3-5-sonnet-20241022-v2:0)",
      );
    default:
      title = "Untitled";
  }
  return title.trim();
}

module.exports = { generateTitle };
