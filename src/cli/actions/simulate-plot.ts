import { figureOneSpec } from '../../plot/specs/figure-one.js';
import { timeSeriesRecords } from '../../spectral/plot-records.js';
import type { CliContext } from '../context.js';
import type { SimulationReport } from './simulate-report.js';
import { writeFigure } from '../write-figure.js';

/** `simulate --plot`: the Figure-1 view (input and momentum buffer per schedule) as SVG. */
export async function writeSimulationPlot(ctx: CliContext, file: string, report: SimulationReport, input: Float64Array): Promise<void> {
  const names = report.simulations.map((s) => s.schedule.name);
  const records = report.simulations.flatMap((sim) =>
    timeSeriesRecords([{ name: 'input', values: input.subarray(0, sim.output.length) }, { name: 'momentum', values: sim.output }])
      .map((r) => ({ ...r, schedule: sim.schedule.name })),
  );
  await writeFigure(ctx, file, { id: 'figure-one', spec: figureOneSpec(records, names) }, 'svg'); // the only format of --plot here (checked by the action)
}
