'use strict';

var AWS = require('@aws-sdk/client-bedrock-runtime');

var client = new AWS.BedrockRuntimeClient({ region: 'us-east-1' });

// old-style handler: callback instead of async/await
exports.handler = function (event, context, callback) {
  var command = new AWS.InvokeModelCommand({
    modelId: 'anthropic.claude-instant-v1',
    contentType: 'application/json',
    accept: 'application/json',
    body: JSON.stringify({
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 256,
      messages: [{ role: 'user', content: 'Write a haiku about ' + (event.topic || 'the sea') }]
    })
  });

  client.send(command)
    .then(function (res) {
      var data = JSON.parse(Buffer.from(res.body).toString('utf8'));
      callback(null, { haiku: data.content[0].text });
    })
    .catch(function (err) {
      callback(err);
    });
};
