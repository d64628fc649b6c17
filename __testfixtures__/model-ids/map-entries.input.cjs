const LIMITS = new Map([
  ["anthropic.claude-v2:1", { context: 200000, output: 4096 }],
  ["anthropic.claude-3-sonnet-20240229-v1:0", { context: 200000, output: 4096 }],
]);

const ROUTES = {
  summarize: "anthropic.claude-v2:1",
  classify: "anthropic.claude-instant-v1",
};

function limitsFor(route) {
  return LIMITS.get(ROUTES[route]) ?? { context: 100000, output: 2048 };
}

module.exports = { limitsFor, ROUTES };
