const { BedrockRuntimeClient, InvokeModelCommand } = require("@aws-sdk/client-bedrock-runtime");

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION || "us-east-1" });

// SQS worker: the web tier enqueues whole conversations in the Anthropic format.
async function processRecord(record) {
  const job = JSON.parse(record.body);
  const response = await client.send(
    new InvokeModelCommand({
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      body: JSON.stringify({
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 300,
        system: job.system,
        messages: job.messages,
      }),
    }),
  );
  const output = JSON.parse(new TextDecoder().decode(response.body));
  return { jobId: job.id, reply: output.content[0].text, usage: output.usage.output_tokens };
}

exports.handler = async (event) => Promise.all(event.Records.map(processRecord));
