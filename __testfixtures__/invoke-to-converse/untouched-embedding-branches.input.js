import { BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";

const client = new BedrockRuntimeClient({});

export async function embedText(params) {
  const modelId = params.model || "amazon.titan-embed-text-v1";
  let requestBody;
  if (modelId.startsWith("amazon.titan-embed")) {
    requestBody = { inputText: params.text };
  } else if (modelId.startsWith("cohere.embed")) {
    requestBody = { texts: [params.text], input_type: "search_document" };
  } else {
    throw new Error(`Unsupported embedding model: ${modelId}`);
  }
  const command = new InvokeModelCommand({
    modelId,
    body: JSON.stringify(requestBody),
    contentType: "application/json",
    accept: "application/json",
  });
  const response = await client.send(command);
  const json = JSON.parse(new TextDecoder().decode(response.body));
  return modelId.startsWith("cohere.embed") ? json.embeddings[0] : json.embedding;
}
