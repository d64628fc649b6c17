'use strict';

const TONES = { friendly: 'warm and upbeat', formal: 'polite and precise' };

exports.productDescriptionBody = function (product, tone) {
  return JSON.stringify({
    anthropic_version: 'bedrock-2023-05-31',
    max_tokens: 250,
    system: `You write product descriptions. Keep the tone ${TONES[tone] || TONES.friendly}.`,
    messages: [
      { role: 'user', content: `Product: ${product.name}\nFeatures: ${product.features.join(', ')}` },
    ],
  });
};
