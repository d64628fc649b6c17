// TODO(bedrock-claude-codemod): anthropic.claude-v2:1 (Claude 2.1, retired) keys data about that model, so it was not renamed; add an entry for global.anthropic.claude-opus-4-6-v1 if the code looks it up
// TODO(bedrock-claude-codemod): anthropic.claude-3-sonnet-20240229-v1:0 (Claude 3 Sonnet, retired) keys data about that model, so it was not renamed; add an entry for global.anthropic.claude-sonnet-4-6 if the code looks it up
const LIMITS = new Map([
  ["anthropic.claude-v2:1", { context: 200000, output: 4096 }],
  ["anthropic.claude-3-sonnet-20240229-v1:0", { context: 200000, output: 4096 }],
]);

const ROUTES = {
  summarize: "global.anthropic.claude-opus-4-6-v1",
  classify: "global.anthropic.claude-haiku-4-5-20251001-v1:0",
};

function limitsFor(route) {
  return LIMITS.get(ROUTES[route]) ?? { context: 100000, output: 2048 };
}

module.exports = { limitsFor, ROUTES };
