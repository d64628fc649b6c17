'use strict';

const { summarize } = require('./service');

// SQS batch: one summary per ticket.
exports.handler = async (event) => {
  const results = [];
  for (const record of event.Records) {
    const message = await summarize(record.body);
    results.push({
      id: record.messageId,
      summary: message.output.message.content[0].text,
      outputTokens: message.usage.outputTokens,
    });
  }
  return results;
};
