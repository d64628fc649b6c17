const { BedrockRuntime } = require("@aws-sdk/client-bedrock-runtime");

const encoder = new TextEncoder();
const decoder = new TextDecoder();

class RecipeBot {
  constructor(region) {
    this.bedrock = new BedrockRuntime({ region });
    this.modelId = "anthropic.claude-3-haiku-20240307-v1:0";
  }

  async suggest(ingredients) {
    const output = await this.bedrock.invokeModel({
      modelId: this.modelId,
      contentType: "application/json",
      body: encoder.encode(
        JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 400,
          messages: [{ role: "user", content: "Suggest one recipe using: " + ingredients.join(", ") }],
        })
      ),
    });
    const parsed = JSON.parse(decoder.decode(output.body));
    return parsed.content.map((c) => c.text).join("");
  }
}

async function suggestRecipe(ingredients) {
  return new RecipeBot("us-east-1").suggest(ingredients);
}

module.exports = { RecipeBot, suggestRecipe };
