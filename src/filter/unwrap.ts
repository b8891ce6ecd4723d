/**
 * Unwraps a phase sequence in place, as numpy.unwrap with the default discont = π: whenever two
 * neighbours differ by more than π, add the multiple of 2π that brings the difference into [−π, π).
 */
export function unwrapInPlace(phase: Float64Array): Float64Array {
  let offset = 0;
  for (let i = 1; i < phase.length; i++) {
    const raw = phase[i] + offset;
    const d = raw - phase[i - 1];
    if (d > Math.PI || d < -Math.PI) {
      const k = Math.round(d / (2 * Math.PI));
      offset -= k * 2 * Math.PI;
      phase[i] = raw - k * 2 * Math.PI;
    } else {
      phase[i] = raw;
    }
  }
  return phase;
}
