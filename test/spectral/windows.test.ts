import { describe, expect, it } from 'vitest';
import { getWindow, resolveWindow, windowSignature, windowWarnings, WINDOW_NAMES, type WindowName } from '../../src/spectral/windows.js';
import { expectClose, loadFixture } from './fixture.js';

interface WindowCase { name: string; n: number; fftbins: boolean; w?: number[]; error?: string }
const { cases } = loadFixture<{ cases: WindowCase[] }>('windows.json');

/**
 * Tolerance against scipy, for windows of peak ≤ 1: a few ulps for closed forms (measured ≤ 1);
 * Kaiser's Bessel series (measured 5.5 ulps), chebwin's DFT (9) and dpss's eigenvector (772,
 * LAPACK and the twisted factorisation round differently) get more.
 */
function tolerance(name: string): number {
  if (name.startsWith('dpss')) return 2048 * Number.EPSILON;
  if (name.startsWith('chebwin')) return 32 * Number.EPSILON;
  if (name.startsWith('kaiser')) return 16 * Number.EPSILON;
  return 4 * Number.EPSILON;
}

describe('getWindow', () => {
  for (const name of [...new Set(cases.map((c) => c.name))]) {
    it(`getWindow('${name}', n) matches scipy.signal.get_window, periodic and symmetric, and refuses what scipy refuses`, () => {
      for (const c of cases.filter((k) => k.name === name)) {
        const label = `${c.fftbins ? 'periodic' : 'symmetric'} ${c.name} of ${c.n} samples`;
        if (c.error !== undefined) expect(() => getWindow(c.name, c.n, { fftbins: c.fftbins }), `${label}: scipy says "${c.error}"`).toThrow(RangeError);
        else expectClose(getWindow(c.name, c.n, { fftbins: c.fftbins }), c.w!, { atol: tolerance(c.name), label });
      }
    });
  }

  it('the fixture covers every window scipy.signal.get_window names', () => {
    const covered = new Set(cases.map((c) => resolveWindow(c.name).name));
    expect([...WINDOW_NAMES].filter((n) => !covered.has(n))).toEqual([]);
  });

  it('getWindow returns an empty window for n = 0 and [1] for n = 1', () => {
    expect(getWindow('hann', 0)).toHaveLength(0);
    expect(Array.from(getWindow('blackman', 1))).toEqual([1]);
    expect(Array.from(getWindow('dpss:3', 1))).toEqual([1]);
  });

  it('a periodic window is the symmetric window of n + 1 samples without its last sample', () => {
    for (const name of ['hann', 'hamming', 'blackman', 'tukey:0.3', 'kaiser:6', 'chebwin:80', 'dpss:2', 'taylor']) {
      const periodic = getWindow(name, 10);
      const symmetric = getWindow(name, 11, { fftbins: false });
      expectClose(periodic, symmetric.subarray(0, 10), { atol: 0, label: name });
    }
  });

  it('accepts scipy aliases, tuples, a number for Kaiser, and _periodic/_symmetric suffixes', () => {
    const same = (a: Parameters<typeof getWindow>[0], b: Parameters<typeof getWindow>[0], fftbins = true) =>
      expect(Array.from(getWindow(a, 16, { fftbins })), `${String(a)}`).toEqual(Array.from(getWindow(b, 16)));
    same('han', 'hann');
    same('Rectangular', 'boxcar');
    same(['tukey', 0.25], 'tukey:0.25');
    same(8, 'kaiser:8');
    same(['general cosine', [0.5, 0.5]], 'hann');
    same('ggs:1:3', 'general_gaussian:1:3');
    same('exponential:None:2', ['exponential', null, 2]);
    same('hann_periodic', 'hann', false);
    expect(Array.from(getWindow('hann_symmetric', 16))).toEqual(Array.from(getWindow('hann', 16, { fftbins: false })));
  });

  it('refuses unknown names, missing, extra and invalid parameters with a message that says what to write', () => {
    expect(() => getWindow('kaisr' as WindowName, 8)).toThrow(/^unknown window 'kaisr' \(known: barthann, bartlett, /);
    expect(() => getWindow('kaiser', 8)).toThrow("window 'kaiser' needs its parameter beta: kaiser:BETA (got kaiser)");
    expect(() => getWindow('general_gaussian:1', 8)).toThrow("window 'general_gaussian' needs its parameter sig: general_gaussian:P:SIG (got general_gaussian:1)");
    expect(() => getWindow('hann:3', 8)).toThrow("window 'hann' takes no parameters (got hann:3)");
    expect(() => getWindow('tukey:0.5:1', 8)).toThrow("window 'tukey' takes at most 1 parameter: tukey[:ALPHA] (got tukey:0.5:1)");
    expect(() => getWindow('gaussian:-1', 8)).toThrow("window 'gaussian': std must be a positive finite number (got -1)");
    expect(() => getWindow('gaussian:x', 8)).toThrow("window 'gaussian': std must be a number (got x)");
    expect(() => getWindow('taylor:2.5', 8)).toThrow("window 'taylor': nbar must be a positive integer (got 2.5)");
    expect(() => getWindow('taylor:4:30:maybe', 8)).toThrow("window 'taylor': norm must be true or false (got maybe)");
    expect(() => getWindow('kaiser:1000', 8)).toThrow(/beta must be a number in \[−700, 700\]/);
    expect(() => getWindow('dpss:4', 8)).toThrow("window 'dpss': NW = 4 must be less than half the window length 8");
    expect(() => getWindow('kbd:4', 8)).toThrow(/exists only symmetric/);
    expect(() => getWindow('hann', -1)).toThrow(RangeError);
    expect(() => getWindow('hann', 2.5)).toThrow(RangeError);
  });

  it('writes each window with its parameters as the CLI spells it', () => {
    expect(['hann', 'kaiser', 'tukey', 'general_gaussian', 'taylor', 'exponential', 'general_cosine'].map((n) => windowSignature(n as WindowName))).toEqual([
      'hann', 'kaiser:BETA', 'tukey[:ALPHA]', 'general_gaussian:P:SIG', 'taylor[:NBAR[:SLL[:NORM]]]', 'exponential[:CENTER[:TAU]]', 'general_cosine:A0:A1:…',
    ]);
  });

  it('warns, as scipy does, about a Chebyshev window below 45 dB', () => {
    expect(windowWarnings('chebwin:40')).toHaveLength(1);
    expect(windowWarnings('chebwin:60')).toEqual([]);
    expect(windowWarnings('hann')).toEqual([]);
  });
});
