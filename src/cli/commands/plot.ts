import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { addInputOptions } from '../options.js';

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('plot')
    .description('draw the response of momentum schedules: Vega-Lite specs, SVG, PNG or a self-contained HTML page')
    .argument('[configs...]', 'YAML/JSON config files (- reads stdin)');
  addInputOptions(cmd);
  cmd
    .option(
      '-k, --kind <kinds>',
      'figures, comma-separated: magnitude, phase, group-delay, bode, response-map, coefficients, metrics, compare, or all (default, and all: every kind; compare only with several schedules)',
    )
    .option('-o, --output <file>', 'write to this file, format by extension: .svg .png .html .vl.json .vg.json, svg without one (several figures: used as a prefix); - is stdout')
    .option('--out-dir <dir>', 'write <schedule>-<kind>.<format> files into this directory (default: momentum-fr-out/plots)')
    .option('-f, --format <formats>', 'formats, comma-separated: svg, png, html, vl.json, vg.json (default: the -o extension, else svg; with -o, one format, which an extension naming another contradicts)')
    .addOption(new Option('--theme <theme>', 'colours: light (papers, pull requests) or dark (slides)').choices(['light', 'dark']).default('light'))
    .option('--width <px>', 'width of one panel in CSS pixels (titles and legends add to it)', '560')
    .option('--height <px>', 'height of one panel in CSS pixels', '280')
    .option('--png-scale <factor>', 'PNG pixels per CSS pixel (2 = sharp on high-DPI screens and in papers)', '2')
    .option('--data-file', 'with .vl.json: write the data to <name>.data.json beside the spec instead of inline')
    .option('-n, --freqs <count>', 'frequencies per curve', '256')
    .addOption(new Option('--scale <scale>', 'frequency axis: log on [fmin, π], or linear on [0, π]').choices(['log', 'linear']).default('log'))
    .option('--fmin <omega>', 'lowest frequency of a log axis, rad/sample (default: a decade below 1 − max|u|, within [1e-6, 1e-2])')
    .addOption(new Option('--units <unit>', 'frequency unit: rad (rad/sample), cycles (cycles/step), period (steps)').choices(['rad', 'cycles', 'period']).default('rad'))
    .option('--stages <list>', 'stages drawn as curves: first, last, 0,10,299, 5..9, every:N, -1, step:S (default: --curves stages that differ, spread over training)')
    .option('--curves <count>', 'how many stages to draw when --stages is not given (only stages whose filters differ)', '8')
    .addOption(new Option('--view <view>', 'magnitude and response-map: the momentum response H, or the update α·H from gradient to parameter step (needs lr in the config)').choices(['momentum', 'update']).default('momentum'))
    .option('--exact', 'overlay the exact time-variant response at the last step of each drawn stage (dashed; in an overlaid compare, wide translucent lines)')
    .option('--map-columns <count>', 'response map: at most this many step columns (more stages are merged)', '400')
    .option('--map-rows <count>', 'response map: frequency rows', '120')
    .option('--compare-at <fractions>', 'compare: where in training to take each schedule, as fractions of its steps', '0,0.5,1')
    .option('--facet', 'compare: one panel per schedule instead of one overlay')
    .option('--force', 'lift the time budget (see "Limits" in docs/cli.md)')
    .addHelpText(
      'after',
      `
Examples:
  $ momentum-fr plot configs/fsgdm-cifar100.yaml                  every figure as SVG in momentum-fr-out/plots/
  $ momentum-fr plot configs/fsgdm-cifar100.yaml --kind response-map -o map.png
  $ momentum-fr plot configs/fsgdm-cifar100.yaml -o fsgdm.html     one offline page, tooltips and a stage slider
  $ momentum-fr plot --preset ema-sgdm configs/fsgdm-cifar100.yaml --kind compare -o compare.svg
  $ momentum-fr plot configs/fsgdm-cifar100.yaml --kind magnitude --units period -o mag.vl.json --data-file
  $ momentum-fr plot configs/*.yaml --out-dir plots --format svg,png --theme dark`,
    )
    .action(async (configs: string[], options) => {
      const { plotCommand } = await import('../actions/plot-action.js');
      await plotCommand(configs, options, ctx);
    });
}
