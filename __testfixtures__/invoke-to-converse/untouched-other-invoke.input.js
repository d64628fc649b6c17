// Invokes a Lambda function; "InvokeModel" appears only in this comment.
const { LambdaClient, InvokeCommand } = require("@aws-sdk/client-lambda");

const lambda = new LambdaClient({ region: "us-east-1" });

async function callWorker(payload) {
  const result = await lambda.send(
    new InvokeCommand({ FunctionName: "worker", Payload: Buffer.from(JSON.stringify(payload)) }),
  );
  return JSON.parse(Buffer.from(result.Payload).toString());
}

module.exports = { callWorker };
