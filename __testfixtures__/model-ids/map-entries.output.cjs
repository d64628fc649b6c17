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
