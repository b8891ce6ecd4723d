import { WINDOW_NAMES, windowSignature } from '../spectral/window-spec.js';

/** The windows --window takes, wrapped for --help and docs (one source: the table of window-spec.ts). */
export function windowHelp(width = 96): string {
  const items = WINDOW_NAMES.filter((n) => n !== 'kaiser_bessel_derived').map(windowSignature);
  const lines = ['Windows (periodic, as scipy.signal.get_window; scipy\'s aliases work too):'];
  let line = ' ';
  for (const [i, item] of items.entries()) {
    const word = ` ${item}${i < items.length - 1 ? ',' : ''}`;
    if (line.length + word.length > width) {
      lines.push(line);
      line = ' ';
    }
    line += word;
  }
  lines.push(line);
  lines.push('  e.g. --window tukey:0.25, kaiser:8, gaussian:7, general_gaussian:1.5:7, dpss:3, chebwin:100.');
  lines.push('  kaiser_bessel_derived exists only symmetric (scipy), so spectra cannot use it.');
  return lines.join('\n');
}
