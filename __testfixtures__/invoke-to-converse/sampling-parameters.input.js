const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

async function brainstorm(topic) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 400,
        temperature: 0.9,
        top_p: 0.95,
        top_k: 250,
        stop_sequences: ["END", "\n\nHuman:"],
        messages: [{ role: "user", content: `Brainstorm ideas about ${topic}. Finish with END.` }],
      }),
    }),
  );
  const answer = JSON.parse(new TextDecoder().decode(response.body));
  if (answer.stop_reason === "stop_sequence") {
    return { ideas: answer.content[0].text, complete: true };
  }
  return { ideas: answer.content[0].text, complete: false };
}

module.exports = { brainstorm };
