import { roundSig } from '../util/round-sig.js';
import type { ScheduleSimulation } from './simulation.js';

/** A stage's gain at one Welch bin: measured |P_xy/P_xx| (null below the coherence threshold) and frozen |H_k|. */
export interface StageGainRecord {
  stage: number;
  /** The real stage, or a display stage's real stages "i–j" (stage is then the display's index). */
  stages: string;
  startStep: number;
  /** Last step of the stage that was simulated. */
  endStep: number;
  /** Which reference frequency this row is for (a legend entry, e.g. "f ≈ 0.01 (the sine)"). */
  reference: string;
  /** The bin's frequency, cycles/step (the Welch bin nearest the reference). */
  frequency: number | null;
  /** 20·log10 of the measured gain; null where the coherence is below the threshold or the gain is 0. */
  measuredDb: number | null;
  /** 20·log10 |H_k| at the bin. */
  theoryDb: number | null;
  /** A display stage only: 20·log10 of the lowest and highest |H_k| at the bin over its real stages (the range its measurement is held against). */
  theoryLowDb?: number | null;
  theoryHighDb?: number | null;
  /** The stage is measured but not judged: its filter's memory is long against a Welch segment (StageComparison.memoryLimited). */
  memoryLimited: boolean;
}

/** A stage's real index, or a display stage's real stages ("5639", "5740–5741"). */
function realStages(st: ScheduleSimulation['stages'][number]): string {
  if (st.display === undefined) return `${st.index}`;
  const { firstStage, lastStage } = st.display;
  return firstStage === lastStage ? `${firstStage}` : `${firstStage}–${lastStage}`;
}

const db = (g: number): number | null => (g > 0 && Number.isFinite(g) ? roundSig(20 * Math.log10(g)) : null);

/**
 * Per stage of a simulation, the measured and the frozen gain at the Welch bin nearest each
 * reference frequency (cycles/step): the data behind "measured vs theory per stage". The measured
 * value is kept only where the bin's coherence reaches `coherenceThreshold` (where the comparison
 * of `simulate` looks too). Stages with no spectrum (fewer than 16 steps) give no rows.
 */
export function stageGainRecords(
  simulation: ScheduleSimulation,
  references: readonly { label: string; frequency: number }[],
  coherenceThreshold: number,
  simulatedSteps: number,
): StageGainRecord[] {
  const rows: StageGainRecord[] = [];
  for (const st of simulation.stages) {
    const { frequencies, gain, theoreticalGain, coherence, theoreticalLow, theoreticalHigh } = st.spectra;
    if (frequencies.length === 0) continue;
    for (const ref of references) {
      let k = 0;
      for (let j = 1; j < frequencies.length; j++) if (Math.abs(frequencies[j] - ref.frequency) < Math.abs(frequencies[k] - ref.frequency)) k = j;
      rows.push({
        stage: st.index, stages: realStages(st), startStep: st.startStep, endStep: Math.min(st.endStep, simulatedSteps), reference: ref.label,
        frequency: roundSig(frequencies[k]),
        measuredDb: coherence[k] >= coherenceThreshold ? db(gain[k]) : null,
        theoryDb: db(theoreticalGain[k]),
        ...(theoreticalLow && theoreticalHigh ? { theoryLowDb: db(theoreticalLow[k]), theoryHighDb: db(theoreticalHigh[k]) } : {}),
        memoryLimited: st.memoryLimited,
      });
    }
  }
  return rows;
}
