'use strict';
/** A small seeded PRNG (mulberry32) and helpers, so that every run generates the same tree. */

function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  return { next, int, pick, chance };
}

const NOUNS = [
  'user', 'order', 'invoice', 'product', 'cart', 'session', 'report', 'account', 'payment', 'shipment',
  'ticket', 'comment', 'project', 'task', 'team', 'member', 'review', 'coupon', 'address', 'catalog',
  'subscription', 'plan', 'notification', 'message', 'channel', 'document', 'folder', 'upload', 'metric', 'alert',
  'warehouse', 'supplier', 'customer', 'refund', 'audit', 'region', 'tenant', 'webhook', 'schedule', 'booking',
];
const VERBS = ['load', 'fetch', 'save', 'update', 'remove', 'list', 'sync', 'format', 'parse', 'validate', 'build', 'resolve', 'merge', 'compute', 'export'];
const ADJECTIVES = ['active', 'pending', 'archived', 'recent', 'shared', 'primary', 'default', 'filtered', 'sorted', 'visible'];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (...parts) => parts[0] + parts.slice(1).map(cap).join('');
const pascal = (...parts) => parts.map(cap).join('');
const kebab = (...parts) => parts.join('-');

module.exports = { rng, NOUNS, VERBS, ADJECTIVES, cap, camel, pascal, kebab };
