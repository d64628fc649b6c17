const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: "eu-central-1" });

// turns as they are stored in our db: { author: "customer" | "bot", text, ts }
async function nextBotTurn(conversation) {
  const body = {
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 512,
    system: "You are a friendly booking assistant for a small hotel.",
    messages: conversation.turns.map((turn) => ({
      role: turn.author === "bot" ? "assistant" : "user",
      content: turn.text,
    })),
  };

  const response = await client.send(
    new InvokeModelCommand({
      modelId: "eu.anthropic.claude-3-5-sonnet-20240620-v1:0",
      body: JSON.stringify(body),
    })
  );

  const parsed = JSON.parse(new TextDecoder().decode(response.body));
  return { author: "bot", text: parsed.content[0].text };
}

module.exports = { nextBotTurn };
