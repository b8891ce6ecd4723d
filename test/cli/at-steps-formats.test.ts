import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

// EMA-SGDM (u = 0.9, v = 0.1, no first-step copy): H(t, ω) = v·(1 − (u e^{−jω})^t)/(1 − u e^{−jω}),
// so |H(5, 0)| = 1 − 0.9⁵ and |H(5, π)| = 0.1·(1 + 0.9⁵)/1.9 (closed forms, paper.md §6).
const dc5 = 1 - 0.9 ** 5;
const nyq5 = (0.1 * (1 + 0.9 ** 5)) / 1.9;

describe('analyze --at-steps writes its records in every format, whatever the mode', () => {
  it.each(['frozen', 'both'])('mode %s: CSV and NDJSON carry the at-step rows JSON has (they were dropped in frozen mode)', async (mode) => {
    const args = ['analyze', '--preset', 'ema-sgdm', '--at-steps', '5', '--freqs', '2', '--mode', mode];
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout);
    const at = json.schedules[0].atSteps[0].responseExact.magnitude;
    expect(at[0]).toBeCloseTo(dc5, 14);
    expect(at[1]).toBeCloseTo(nyq5, 14);

    const csv = (await runCli([...args, '--format', 'csv'])).stdout.trim().split('\n');
    const head = csv[0].split(',');
    const rows = csv.slice(1).map((l) => Object.fromEntries(l.split(',').map((c, i) => [head[i], c])));
    const exact = rows.filter((r) => r.kind === 'exact' && r.step === '5');
    expect(exact.map((r) => Number(r.magnitude))).toEqual(at);

    const nd = (await runCli([...args, '--format', 'ndjson'])).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(nd.filter((r) => r.kind === 'exact' && r.step === 5).map((r) => r.magnitude)).toEqual(at);
  });

  it('--help says what --at-steps does to the stage rows: they are replaced unless --stages asks for some, as the output shows', async () => {
    const help = (await runCli(['analyze', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--at-steps <list> report the exact response at these steps, e.g. 1,100,1000 (JSON: atSteps), in place of the stage rows unless --stages asks for some too');
    const only = JSON.parse((await runCli(['analyze', '--preset', 'ema-sgdm', '--at-steps', '5', '--freqs', '2', '--format', 'json'])).stdout).schedules[0];
    expect([only.stages.length, only.atSteps.length]).toEqual([0, 1]);
    const both = JSON.parse((await runCli(['analyze', '--preset', 'ema-sgdm', '--at-steps', '5', '--stages', 'last', '--freqs', '2', '--format', 'json'])).stdout).schedules[0];
    expect([both.stages.length, both.atSteps.length]).toEqual([1, 1]);
  });
});
