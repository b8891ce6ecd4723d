import { describe, expect, it } from 'vitest';
import { ndjsonLine, rowLine, rowWriter } from '../../src/io/row-writer.js';
import { parseRfc4180 } from '../support/rfc4180.js';

function collector() {
  const writes: string[] = [];
  return { writes, write: (text: string) => void writes.push(text), text: () => writes.join('') };
}

const COLUMNS = ['series', 'frequency', 'psd', 'ok'];
const ROWS = [
  ['w1', 0, 1.5, true],
  ['a "quoted", name\nwith a line break', 0.25, NaN, false],
  ['-0', -0, null, null],
];

describe('rowWriter', () => {
  it('CSV: the header row once, then one RFC 4180 record per row that a CSV reader reads back', async () => {
    const out = collector();
    const rows = rowWriter(out, 'csv', COLUMNS);
    await rows.begin();
    for (const r of ROWS) await rows.row(r);
    expect(out.writes[0]).toBe('series,frequency,psd,ok\n');
    expect(out.text()).toBe('series,frequency,psd,ok\nw1,0,1.5,true\n"a ""quoted"", name\nwith a line break",0.25,,false\n-0,0,,\n');
    expect(parseRfc4180(out.text())).toEqual([COLUMNS, ['w1', '0', '1.5', 'true'], ['a "quoted", name\nwith a line break', '0.25', '', 'false'], ['-0', '0', '', '']]);
  });

  it('NDJSON: no header, one compact object per line, non-finite numbers as null and −0 as 0', async () => {
    const out = collector();
    const rows = rowWriter(out, 'ndjson', COLUMNS);
    await rows.begin();
    for (const r of ROWS) await rows.row(r);
    const lines = out.text().split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { series: 'w1', frequency: 0, psd: 1.5, ok: true },
      { series: 'a "quoted", name\nwith a line break', frequency: 0.25, psd: null, ok: false },
      { series: '-0', frequency: 0, psd: null, ok: null },
    ]);
    expect(lines[2]).toBe('{"series":"-0","frequency":0,"psd":null,"ok":null}');
  });

  it('rowLine is csvLine or ndjsonLine by format', () => {
    expect(rowLine('csv', ['a', 'b'], [1, 'x,y'])).toBe('1,"x,y"\n');
    expect(rowLine('ndjson', ['a', 'b'], [1, 'x,y'])).toBe(ndjsonLine(['a', 'b'], [1, 'x,y']));
    expect(ndjsonLine(['a', 'b'], [1, 'x,y'])).toBe('{"a":1,"b":"x,y"}\n');
  });
});
