import type { Schedule } from '../types.js';

/** One coefficient of a schedule's filter, stage by stage. */
export interface CoefficientSeries {
  name: string;
  values: Float64Array;
}

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number): string => String(n).replace(/\d/g, (d) => SUBSCRIPT[Number(d)]);

/**
 * Every coefficient that defines each stage's filter, in the notation of docs/methods.md:
 *
 * - first-order momentum m_t = u·m_{t−1} + v·g_t: u and v;
 * - a filter bank d_t = c₀·g_t + Σ_i c_i·m_{i,t}, m_{i,t} = u_i·m_{i,t−1} + v_i·g_t: u_i, v_i and c_i of
 *   every branch (1-based), and c₀ when some stage has c₀ ≠ 0;
 * - a rational filter a₀·y_t = Σ b_k·g_{t−k} − Σ_{k≥1} a_k·y_{t−k} (a₀ = 1): b₀ … b_nb−1, a₁ … a_na−1.
 */
export function coefficientSeries(schedule: Schedule): CoefficientSeries[] {
  const n = schedule.stages.count;
  const column = (from: Float64Array, stride: number, offset: number): Float64Array => {
    const out = new Float64Array(n);
    for (let k = 0; k < n; k++) out[k] = from[k * stride + offset];
    return out;
  };
  const { bank, rational } = schedule;
  if (bank) {
    const B = bank.branches;
    const series: CoefficientSeries[] = [];
    for (let i = 0; i < B; i++) {
      series.push({ name: `u${sub(i + 1)}`, values: column(bank.u, B, i) }, { name: `v${sub(i + 1)}`, values: column(bank.v, B, i) }, { name: `c${sub(i + 1)}`, values: column(bank.c, B, i) });
    }
    if (bank.c0.some((c) => c !== 0)) series.push({ name: `c${sub(0)}`, values: bank.c0.slice(0, n) });
    return series;
  }
  if (rational) {
    return [
      ...Array.from({ length: rational.nb }, (_, k) => ({ name: `b${sub(k)}`, values: column(rational.b, rational.nb, k) })),
      ...Array.from({ length: rational.na - 1 }, (_, k) => ({ name: `a${sub(k + 1)}`, values: column(rational.a, rational.na, k + 1) })),
    ];
  }
  return [
    { name: 'u', values: schedule.stages.u },
    { name: 'v', values: schedule.stages.v },
  ];
}
