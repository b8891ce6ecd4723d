import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { changeBetween, diagnostic } from '../../src/explore/page/yaml-editor.js';

describe('the YAML pane\'s pure parts (the editor itself runs in test/explore/main.test.ts, in Chromium)', () => {
  it('a slider\'s new number is one change over the digits that differ, so the rest of the text (and the cursor) stays', () => {
    const before = 'steps: 117000\nmomentum: { preset: fsgdm, c: 0.033 }\n';
    const after = before.replace('0.033', '0.0345');
    const change = changeBetween(before, after)!;
    expect(before.slice(0, change.from) + change.insert + before.slice(change.to)).toBe(after);
    expect(change).toEqual({ from: before.indexOf('0.033') + 4, to: before.indexOf('0.033') + 5, insert: '45' });
    expect(changeBetween(before, before)).toBeUndefined();
    // Repeated characters: the prefix and suffix never overlap.
    expect(changeBetween('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
    expect(changeBetween('', 'x: 1\n')).toEqual({ from: 0, to: 0, insert: 'x: 1\n' });
  });

  it('a message marks its line from its 1-based column to the line\'s end; one without a place marks line 1', () => {
    const doc = Text.of(['steps: 100', 'momentum: { preset: fsgdm, c: -1 }', '']);
    const located = diagnostic(doc, { line: 2, column: 31, severity: 'error', message: 'x.yaml:2:31: momentum.c: must be ≥ 0 (got -1)' });
    expect(doc.sliceString(located.from, located.to)).toBe('-1 }');
    expect(located).toMatchObject({ severity: 'error', message: 'x.yaml:2:31: momentum.c: must be ≥ 0 (got -1)', source: 'validate' });
    const nowhere = diagnostic(doc, { severity: 'warning', message: 'x.yaml: --set momentum.c=-1: …' });
    expect([nowhere.from, nowhere.to]).toEqual([0, 10]);
    // A line past the end (the text changed since) clamps to the last line; an empty line gives an empty range there.
    const past = diagnostic(doc, { line: 9, column: 4, severity: 'info', message: 'm' });
    expect([past.from, past.to]).toEqual([doc.length, doc.length]);
  });
});
