'use strict';

const TONES = { friendly: 'warm and upbeat', formal: 'polite and precise' };

exports.productDescriptionBody = function (product, tone) {
  return {
    messages: [
      {
        role: 'user',
        content: [
          {
            text: `Product: ${product.name}\nFeatures: ${product.features.join(', ')}`,
          },
        ],
      },
    ],

    system: [
      {
        text: `You write product descriptions. Keep the tone ${TONES[tone] || TONES.friendly}.`,
      },
    ],

    inferenceConfig: { maxTokens: 250 },
  };
};
