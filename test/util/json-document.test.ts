import { describe, expect, it } from 'vitest';
import { documentOpening, jsonDocument, jsonText } from '../../src/util/json-document.js';
import { TOOL } from '../../src/tool.js';

/** A target that keeps the writes. */
function collector() {
  const writes: string[] = [];
  return { writes, write: (text: string) => void writes.push(text), text: () => writes.join('') };
}

const HEAD = `{\n  "schemaVersion": 1,\n  "tool": {"name":"${TOOL.name}","version":"${TOOL.version}"}`;

describe('jsonDocument', () => {
  it('opens with schemaVersion and tool, written once, in one write', () => {
    const out = collector();
    const doc = jsonDocument(out);
    doc.header();
    expect(out.writes).toEqual([HEAD]);
    expect(documentOpening()).toBe(HEAD);
    expect(() => doc.header()).toThrow(/twice/);
  });

  it('writes the layout of the tool\'s documents: containers indented two spaces a level, one compact line per record', () => {
    const out = collector();
    const doc = jsonDocument(out);
    doc.header();
    doc.field('split', 0.01);
    doc.array('schedules');
    doc.object();
    doc.field('name', 'a "quoted" name');
    doc.field('frequencies', new Float64Array([0, Math.PI, NaN]));
    doc.array('stages');
    doc.record({ index: 0, u: -0, v: Infinity, skipped: undefined, nested: { x: [1, 2] } });
    doc.record({ index: 1 });
    doc.close();
    doc.close();
    doc.end();
    expect(out.text()).toBe(
      `${HEAD},\n  "split": 0.01,\n  "schedules": [\n    {\n      "name": "a \\"quoted\\" name",\n      "frequencies": [0,${Math.PI},null],\n` +
        '      "stages": [\n        {"index":0,"u":0,"v":null,"nested":{"x":[1,2]}},\n        {"index":1}\n      ]\n    }\n  ]\n}\n',
    );
    // Every record is one line that parses on its own, and the whole is JSON.
    const parsed = JSON.parse(out.text());
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.schedules[0].stages).toEqual([{ index: 0, u: 0, v: null, nested: { x: [1, 2] } }, { index: 1 }]);
  });

  it('closes an empty container on the same line, and end() closes whatever is open', () => {
    const out = collector();
    const doc = jsonDocument(out);
    doc.header();
    doc.array('rows');
    doc.close();
    doc.array('series');
    doc.object();
    doc.array('values');
    doc.end();
    expect(out.text()).toBe(`${HEAD},\n  "rows": [],\n  "series": [\n    {\n      "values": []\n    }\n  ]\n}\n`);
    expect(JSON.parse(out.text())).toMatchObject({ rows: [], series: [{ values: [] }] });
  });

  it('writes text given as jsonText as it is, and records(…) as many records in one write', () => {
    const out = collector();
    const doc = jsonDocument(out);
    doc.header();
    doc.array('series');
    doc.record(jsonText('{"name": "w1", "psd": [1,2]}'));
    doc.records(['{"step":1}', '{"step":2}']);
    doc.end();
    expect(out.writes[3]).toBe(',\n    {"step":1},\n    {"step":2}');
    expect(JSON.parse(out.text()).series).toEqual([{ name: 'w1', psd: [1, 2] }, { step: 1 }, { step: 2 }]);
  });

  it('refuses a member without a key, an element with one, and anything before the header', () => {
    const doc = jsonDocument(collector());
    expect(() => doc.field('x', 1)).toThrow(/header\(\) first/);
    doc.header();
    expect(() => doc.record(1)).toThrow(/needs a key/);
    doc.array('list');
    expect(() => doc.field('x', 1)).toThrow(/no key/);
  });
});
