'use strict';
/**
 * Runs a command as a child process and measures it: wall time, CPU time (user + system, children
 * included) and peak RSS. GNU time (`/usr/bin/time -f`) gives all three when it is there; otherwise
 * the wall time is taken here and the peak RSS comes from a preload probe (node commands only).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');

const PROBE = path.join(__dirname, 'rss-probe.js');

let gnuTime;
function hasGnuTime() {
  if (gnuTime === undefined) {
    const probe = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
    gnuTime = probe.status === 0 && /^\d+\s*$/m.test(probe.stderr);
  }
  return gnuTime;
}

/**
 * `command` and `args` as for spawnSync; `node: true` adds the RSS probe (for the fallback).
 * Returns { wallMs, cpuMs, maxRssMB, status, stdout, stderr }; stdout is kept only with keepStdout.
 */
function measure(command, args, { cwd, env, node = false, keepStdout = false } = {}) {
  const stats = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bcc-bench-time-')), 'out');
  const childEnv = { ...process.env, ...env, BENCH_RSS_FILE: stats, NO_COLOR: '1', CI: '1' };
  let cmd = command;
  let argv = args;
  if (hasGnuTime()) {
    cmd = '/usr/bin/time';
    argv = ['-f', '%e %U %S %M', '-o', stats, command, ...args];
  } else if (node) {
    argv = ['--require', PROBE, ...args];
  }
  const started = performance.now();
  const run = spawnSync(cmd, argv, {
    cwd,
    env: childEnv,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'],
  });
  const wallMs = performance.now() - started;
  let cpuMs = null;
  let maxRssMB = null;
  try {
    const text = fs.readFileSync(stats, 'utf8').trim().split('\n').pop();
    if (hasGnuTime()) {
      const [, user, sys, rssKb] = text.split(/\s+/).map(Number);
      cpuMs = (user + sys) * 1000;
      maxRssMB = rssKb / 1024;
    } else {
      const probe = JSON.parse(text);
      cpuMs = probe.cpuMs;
      maxRssMB = probe.maxRssKB / 1024;
    }
  } catch {
    // No numbers from the child (it crashed before exit, or the command is not node): wall time only.
  }
  fs.rmSync(path.dirname(stats), { recursive: true, force: true });
  if (run.error) throw run.error;
  return { wallMs, cpuMs, maxRssMB, status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

function median(values) {
  const v = values.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Runs `once()` `reps` times and summarises: every sample and the medians. */
function repeat(reps, once) {
  const samples = [];
  for (let i = 0; i < reps; i++) samples.push(once(i));
  return summarise(samples);
}

/** Every sample and the medians (the peak RSS is the largest). */
function summarise(samples) {
  return {
    samples: samples.map((s) => ({ wallMs: round(s.wallMs), cpuMs: round(s.cpuMs), maxRssMB: round(s.maxRssMB) })),
    wallMs: round(median(samples.map((s) => s.wallMs))),
    cpuMs: round(median(samples.map((s) => s.cpuMs))),
    maxRssMB: round(Math.max(...samples.map((s) => s.maxRssMB ?? 0)) || null),
  };
}

function round(x) {
  return typeof x === 'number' && Number.isFinite(x) ? Math.round(x) : null;
}

module.exports = { measure, repeat, summarise, median, hasGnuTime };
