/**
 * A y-axis title as two lines, the quantity above its unit ("Frequency (cycles/step)" →
 * ["Frequency", "(cycles/step)"]), for panels shorter than the title: a rotated title longer than its
 * panel sticks out above it and pushes the panel away from its heading (vega sizes text by estimate
 * when it draws SVG without a canvas). A title without a trailing unit stays one line.
 */
export function stackedTitle(title: string): string | string[] {
  const m = /^(.*\S) (\([^()]*\))$/.exec(title);
  return m === null ? title : [m[1], m[2]];
}
