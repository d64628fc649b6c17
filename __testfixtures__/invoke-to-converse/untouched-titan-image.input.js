const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");
const fs = require("node:fs/promises");

const client = new BedrockRuntimeClient({ region: "us-east-1" });

// Generates a product thumbnail with Titan Image Generator and writes it next to the catalog
async function renderThumbnail(description, outFile) {
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "amazon.titan-image-generator-v2:0",
      contentType: "application/json",
      accept: "application/json",
      body: JSON.stringify({
        taskType: "TEXT_IMAGE",
        textToImageParams: { text: description },
        imageGenerationConfig: { numberOfImages: 1, height: 512, width: 512, cfgScale: 8 },
      }),
    })
  );
  const result = JSON.parse(new TextDecoder().decode(response.body));
  await fs.writeFile(outFile, Buffer.from(result.images[0], "base64"));
  return outFile;
}

module.exports = { renderThumbnail };
