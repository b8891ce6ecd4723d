import { describe, expect, it } from 'vitest';
import { plotTheme } from '../../../src/plot/specs/theme.js';
import { topLevelSpec, wrapSubtitle } from '../../../src/plot/specs/vega-lite-spec.js';

// vega sizes text without a canvas as 0.8 em per character; subtitles are 11 px: 8.8 px a character.
const estimate = (line: string): number => 0.8 * 11 * line.length;

describe('wrapSubtitle', () => {
  it('keeps a subtitle that fits the panel and its y axis on one line', () => {
    expect(wrapSubtitle('short', 560)).toBe('short');
  });

  it('breaks a long one into lines that each fit 560 px + the y axis as vega measures them, words intact, nothing lost', () => {
    const text = '|H_k(ω)| of the frozen stage filters; above 0 dB a stage amplifies, below it attenuates, and then some more words to wrap twice';
    const lines = wrapSubtitle(text, 560) as string[];
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(estimate(line)).toBeLessThanOrEqual(560 + 50);
    expect(lines.join(' ')).toBe(text);
    // the first break is after the clause's "; "
    expect(lines[0]).toBe('|H_k(ω)| of the frozen stage filters;');
  });

  it('cuts a word longer than a line rather than overflow', () => {
    const lines = wrapSubtitle('x'.repeat(200), 300) as string[];
    expect(lines.join('')).toBe('x'.repeat(200));
    for (const line of lines) expect(estimate(line)).toBeLessThanOrEqual(350);
  });

  it('topLevelSpec wraps only when given the panel width, and keeps lines a builder chose', () => {
    const theme = plotTheme('light');
    const long = 'word '.repeat(40).trim();
    const parts = { title: 't', description: 'd', theme, datasets: {}, body: { data: { values: [] }, mark: 'point' as const } };
    expect((topLevelSpec({ ...parts, subtitle: long }).title as { subtitle: unknown }).subtitle).toBe(long);
    expect(Array.isArray((topLevelSpec({ ...parts, subtitle: long, width: 560 }).title as { subtitle: unknown }).subtitle)).toBe(true);
    expect((topLevelSpec({ ...parts, subtitle: ['a', 'b'], width: 560 }).title as { subtitle: unknown }).subtitle).toEqual(['a', 'b']);
  });
});
