import { describe, expect, it } from 'vitest';
import { terminalOf, useColor } from '../../src/cli/context.js';

describe('terminalOf', () => {
  it('is absent for a pipe or a file, whatever $COLUMNS says', () => {
    expect(terminalOf({}, { COLUMNS: '120' })).toBeUndefined();
    expect(terminalOf({ isTTY: false, columns: 120 }, {})).toBeUndefined();
  });

  it('takes the width of the terminal, else $COLUMNS, else 80', () => {
    expect(terminalOf({ isTTY: true, columns: 132 }, { COLUMNS: '90' })).toEqual({ columns: 132 });
    expect(terminalOf({ isTTY: true, columns: 0 }, { COLUMNS: '90' })).toEqual({ columns: 90 });
    expect(terminalOf({ isTTY: true }, { COLUMNS: 'wide' })).toEqual({ columns: 80 });
    expect(terminalOf({ isTTY: true }, {})).toEqual({ columns: 80 });
  });
});

describe('useColor', () => {
  it('colour on a terminal only; NO_COLOR and TERM=dumb turn it off, FORCE_COLOR on', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({}, {})).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(useColor({}, { FORCE_COLOR: '1' })).toBe(true);
  });
});
