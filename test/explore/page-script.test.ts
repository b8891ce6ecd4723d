import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageScript } from '../../src/explore/serve/page-script.js';

describe('pageScript: the built page module', () => {
  it('is dist/explore-page.js as the build wrote it: one browser IIFE under 2.5 MB, without Node.js built-ins', async () => {
    const code = await pageScript();
    expect(code).toBe(readFileSync('dist/explore-page.js', 'utf8'));
    expect(code.startsWith('"use strict";(()=>{') || code.startsWith('(()=>{')).toBe(true);
    expect(code).not.toMatch(/require\(["']node:/);
    expect(code.length).toBeLessThan(2.5 * 1024 * 1024);
  });
});
