const { Stack } = require("aws-cdk-lib");
const bedrock = require("aws-cdk-lib/aws-bedrock");
const iam = require("aws-cdk-lib/aws-iam");
const lambda = require("aws-cdk-lib/aws-lambda");

class ChatStack extends Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    const model = bedrock.FoundationModel.fromFoundationModelId(
      this,
      "Model",
      new bedrock.FoundationModelIdentifier("anthropic.claude-sonnet-4-6"),
    );
    const fn = new lambda.Function(this, "Chat", {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: "index.handler",
      code: lambda.Code.fromAsset("lambda"),
      environment: { MODEL_ID: "global.anthropic.claude-sonnet-4-6" },
    });
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ["bedrock:InvokeModel"],
        // TODO(bedrock-claude-codemod): foundation-model ARN: Claude Sonnet 4.6 needs an inference-profile ARN (with your account ID) on demand
        resources: [model.modelArn, `arn:aws:bedrock:${this.region}::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0`],
      }),
    );
  }
}

module.exports = { ChatStack };
