import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeConfigText } from '../../src/io/config-text.js';
import { runCli } from '../support/run-cli.js';

const CONFIG = 'steps: 100\nmomentum: { preset: ema-sgdm }\n';
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('config files are UTF-8: other encodings get a clear error at the first bad byte', () => {
  it('UTF-8, with or without a byte order mark, decodes (the mark is dropped)', () => {
    expect(decodeConfigText(Buffer.from(CONFIG))).toEqual({ text: CONFIG });
    expect(decodeConfigText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`name: é\n${CONFIG}`)]))).toEqual({ text: `name: é\n${CONFIG}` });
  });

  it('UTF-16 (either byte order) and UTF-32 are named by their byte order mark', () => {
    expect(decodeConfigText(utf16le(CONFIG))).toEqual({ issue: { code: 'encoding', path: [], message: 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8', line: 1, column: 1 } });
    expect(decodeConfigText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(CONFIG, 'utf16le').swap16()]))).toMatchObject({ issue: { message: expect.stringMatching(/^the file is UTF-16 /) } });
    expect(decodeConfigText(Buffer.from([0xff, 0xfe, 0, 0, 0x73, 0, 0, 0]))).toMatchObject({ issue: { message: expect.stringMatching(/^the file is UTF-32 /) } });
  });

  it('UTF-16 without a mark shows as NUL bytes, located', () => {
    expect(decodeConfigText(Buffer.from(CONFIG, 'utf16le'))).toEqual({
      issue: { code: 'encoding', path: [], message: 'the file contains NUL bytes: is it UTF-16 or binary? Save it as UTF-8', line: 1, column: 2 },
    });
  });

  it('invalid UTF-8 (Latin-1 é, a lone continuation byte, a sequence cut at the end) names the byte, its offset, line and column', () => {
    expect(decodeConfigText(Buffer.from('steps: 100\nname: caf\xe9\n', 'latin1'))).toEqual({
      issue: { code: 'encoding', path: [], message: 'not valid UTF-8 (byte 0xE9 at offset 20); save the file as UTF-8', line: 2, column: 10 },
    });
    expect(decodeConfigText(Buffer.from([0x61, 0x80, 0x62]))).toMatchObject({ issue: { message: 'not valid UTF-8 (byte 0x80 at offset 1); save the file as UTF-8', line: 1, column: 2 } });
    expect(decodeConfigText(Buffer.from([0x61, 0x0a, 0xe2, 0x82]))).toMatchObject({ issue: { message: 'not valid UTF-8 (byte 0xE2 at offset 2); save the file as UTF-8', line: 2, column: 1 } });
  });

  it('the CLI prints it as file:line:col and exits 2, for files and for stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mfr-encoding-'));
    writeFileSync(join(dir, 'utf16.yaml'), utf16le(CONFIG));
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from('steps: 100\nname: caf\xe9\nmomentum: { preset: ema-sgdm }\n', 'latin1'));
    const a = await runCli(['validate', 'utf16.yaml', 'latin1.yaml'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(
      'utf16.yaml:1:1: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8\n' +
        'latin1.yaml:2:10: not valid UTF-8 (byte 0xE9 at offset 20); save the file as UTF-8\n',
    );
    const b = await runCli(['analyze', '-'], { input: utf16le(CONFIG), cwd: dir });
    expect(b).toEqual({ code: 2, stdout: '', stderr: '<stdin>:1:1: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8\n' });
  });
});
