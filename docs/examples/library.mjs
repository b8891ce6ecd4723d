// momentum-fr as a library: analyse a config in memory and read the metrics of its last stage.
// (Run by the tests: `node docs/examples/library.mjs` from the repository.)
import { readFileSync } from 'node:fs';
import { analyze, logGrid } from 'momentum-fr';

const yaml = readFileSync(new URL('../../configs/fsgdm-cifar100.yaml', import.meta.url), 'utf8');
const result = analyze(yaml, { stages: 'first,last', frequencies: logGrid(64, 1e-4) });

for (const stage of result.schedules[0].stages) {
  const { dcGain, cutoffFrequency } = stage.metrics;
  console.log(`stage ${stage.index}: u = ${stage.u.toFixed(6)}, DC gain ${dcGain.toFixed(3)}, cutoff ${cutoffFrequency ?? '–'} rad/sample`);
}
