import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { presetDocument } from '../../src/schedule/preset-document.js';
import { parseConfig, parseSchedules } from '../../src/schedule/parse.js';
import { PRESETS } from '../../src/schedule/presets/index.js';
import { runCli } from '../support/run-cli.js';

describe('presetDocument', () => {
  it('`init NAME` writes YAML that parses to presetDocument(NAME), for every preset', async () => {
    for (const name of PRESETS.keys()) {
      const r = await runCli(['init', name]);
      expect(r.code, name).toBe(0);
      expect(parse(r.stdout), name).toEqual(presetDocument(name));
    }
  });

  it('is the preset\'s steps, stages and every parameter at the default its schema gives', () => {
    for (const [name, preset] of PRESETS) {
      const doc = presetDocument(name);
      expect(doc, name).toEqual({ name, steps: preset.defaults.steps, stages: preset.defaults.stages, momentum: { preset: name, ...preset.params.parse({}) } });
    }
  });

  it('`presets --format json` lists the same defaults', async () => {
    const r = await runCli(['presets', '--format', 'json']);
    for (const entry of JSON.parse(r.stdout) as { name: string; defaults: { steps: number; stages: number }; params: { name: string; default: unknown }[] }[]) {
      const doc = presetDocument(entry.name);
      expect(entry.defaults, entry.name).toEqual({ steps: doc.steps, stages: doc.stages });
      expect(Object.fromEntries(entry.params.map((p) => [p.name, p.default])), entry.name).toEqual(Object.fromEntries(Object.entries(doc.momentum).filter(([k]) => k !== 'preset')));
    }
  });

  it('as a value, resolves to the same schedule as its starter YAML text', async () => {
    for (const name of PRESETS.keys()) {
      const init = await runCli(['init', name]);
      const fromText = parseSchedules(init.stdout);
      const fromValue = parseConfig(presetDocument(name));
      expect(fromValue.issues, name).toEqual([]);
      expect(fromValue.configs, name).toEqual(fromText.configs);
    }
  });

  it('is a fresh object at every call (callers may patch it)', () => {
    const a = presetDocument('aggmo');
    (a.momentum.betas as number[]).push(0.5);
    a.steps = 1;
    expect(presetDocument('aggmo')).not.toEqual(a);
  });

  it('throws a RangeError for a name that is no preset', () => {
    expect(() => presetDocument('nosuch')).toThrow(RangeError);
  });
});
