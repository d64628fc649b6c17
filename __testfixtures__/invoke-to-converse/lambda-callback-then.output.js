'use strict';

var AWS = require('@aws-sdk/client-bedrock-runtime');

var client = new AWS.BedrockRuntimeClient({ region: 'us-east-1' });

// old-style handler: callback instead of async/await
exports.handler = function (event, context, callback) {
  var command = new AWS.ConverseCommand({
    modelId: 'anthropic.claude-instant-v1',
    messages: [
      {
        role: 'user',
        content: [
          { text: 'Write a haiku about ' + (event.topic || 'the sea') }
        ]
      }
    ],
    inferenceConfig: { maxTokens: 256 }
  });

  client.send(command)
    .then(function (res) {
      var data = res;
      callback(null, { haiku: data.output.message.content[0].text });
    })
    .catch(function (err) {
      callback(err);
    });
};
