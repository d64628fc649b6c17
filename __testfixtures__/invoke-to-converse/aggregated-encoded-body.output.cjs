const { BedrockRuntime } = require("@aws-sdk/client-bedrock-runtime");

class RecipeBot {
  constructor(region) {
    this.bedrock = new BedrockRuntime({ region });
    this.modelId = "anthropic.claude-3-haiku-20240307-v1:0";
  }

  async suggest(ingredients) {
    const output = await this.bedrock.converse({
      modelId: this.modelId,
      messages: [
        {
          role: "user",
          content: [
            { text: "Suggest one recipe using: " + ingredients.join(", ") },
          ],
        },
      ],
      inferenceConfig: { maxTokens: 400 },
    });
    return output.output.message.content.map((c) => c.text).join("");
  }
}

async function suggestRecipe(ingredients) {
  return new RecipeBot("us-east-1").suggest(ingredients);
}

module.exports = { RecipeBot, suggestRecipe };
