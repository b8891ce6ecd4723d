import { quoted } from '../util/excerpt.js';

/**
 * Key names that reach an object's prototype when used as property names: `o['__proto__'].x = 1`
 * sets Object.prototype.x for the whole process. Refused in every dot path a user gives (`--set`,
 * `--grid`, `--solve`, `sweep.grid`) and as keys of config mappings.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isPrototypeKey(key: string | number): boolean {
  return typeof key === 'string' && PROTOTYPE_KEYS.has(key);
}

/** The message for a refused key (the same wherever it is found). */
export function prototypeKeyMessage(key: string): string {
  return `${quoted(key)} is not allowed as a key (it would reach the object prototype)`;
}

/**
 * `momentum.params.mu` → ['momentum', 'params', 'mu']: the one parser of user dot paths. Refuses
 * an empty path, empty segments and prototype keys, with a one-line reason.
 */
export function parseKeyPath(text: string): { path: string[] } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'empty key path' };
  const path = trimmed.split('.');
  if (path.some((key) => key === '')) return { error: `${quoted(trimmed)}: empty key in the dot path` };
  const bad = path.find(isPrototypeKey);
  if (bad !== undefined) return { error: `${quoted(trimmed)}: ${prototypeKeyMessage(bad)}` };
  return { path };
}
