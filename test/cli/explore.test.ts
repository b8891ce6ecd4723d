import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

describe('the explore command\'s declaration', () => {
  it('--help lists its options and examples', async () => {
    const r = await runCli(['explore', '--help']);
    expect(r.code).toBe(0);
    for (const option of ['--preset <name>', '--set <key=value>', '-o, --output <file>', '--serve', '--port <n>']) expect(r.stdout).toContain(option);
    expect(r.stdout).toContain('$ momentum-fr explore configs/fsgdm-cifar100.yaml -o fsgdm.html');
  });

  it('is listed in the program\'s help', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/\n {2}explore \[options\] \[configs\.\.\.\]/);
  });
});
