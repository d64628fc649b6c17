'use strict';
/**
 * Preloaded (`node --require`) into a measured child when GNU time is not available: on exit, writes the
 * process's peak RSS (worker threads included, they share the process) and CPU time to $BENCH_RSS_FILE.
 */
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');

if (isMainThread && process.env.BENCH_RSS_FILE) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = JSON.stringify({ maxRssKB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 });
    fs.writeFileSync(process.env.BENCH_RSS_FILE, `${line}\n`);
  });
}
