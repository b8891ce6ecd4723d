// The library's functions that take an options object, as `momentum-fr` exports them (src/api.ts):
// each refuses keys it does not know with an OptionError naming the key and the closest known one
// (`analyze(cfg, { stage: 'last' })` → `options: stage: unknown option (did you mean "stages"?)`),
// instead of silently using the default. The key lists are checked against the option types at
// compile time (optionKeys). Internal callers use the functions themselves. Documentation: the
// function of the same name in its module.
import * as analysis from './analysis/analyze.js';
import type { AnalyzeOptions } from './analysis/analyze.js';
import * as stageFilter from './filter/stage-filter.js';
import * as plotOptions from './plot/plot-options.js';
import type { PlotOptions } from './plot/plot-options.js';
import { optionKeys, withKnownOptions } from './schedule/issues.js';
import * as parse from './schedule/parse.js';
import type { ParseOptions } from './schedule/parse.js';
import * as coherenceModule from './spectral/coherence.js';
import type { CoherenceOptions } from './spectral/coherence.js';
import * as csdModule from './spectral/csd.js';
import * as gain from './spectral/empirical-gain.js';
import * as plotRecords from './spectral/plot-records.js';
import type { SpectralOptions } from './spectral/segment-layout.js';
import * as simulation from './spectral/simulation.js';
import * as spectrogramModule from './spectral/spectrogram.js';
import type { SpectrogramOptions } from './spectral/spectrogram.js';
import * as agreement from './spectral/stage-agreement.js';
import type { AgreementOptions } from './spectral/stage-agreement.js';
import * as welch from './spectral/welch.js';
import type { WelchOptions } from './spectral/welch.js';
import * as sweep from './sweep/sweep-job.js';
import type { SweepJob } from './sweep/sweep-job.js';

const PARSE = optionKeys<ParseOptions>({ allowUnstable: true, overrides: true, defaultName: true, vocabulary: true, readTable: true, keepValues: true });
const ANALYZE = optionKeys<AnalyzeOptions>({ frequencies: true, stages: true, displayStages: true, response: true, mode: true, atSteps: true });
const WELCH = optionKeys<WelchOptions>({ fs: true, window: true, nperseg: true, noverlap: true, nfft: true, detrend: true, returnOnesided: true, scaling: true, average: true });
const SPECTRAL = optionKeys<SpectralOptions>({ fs: true, window: true, nperseg: true, noverlap: true, nfft: true, detrend: true, returnOnesided: true, scaling: true });
const COHERENCE = optionKeys<CoherenceOptions>({ fs: true, window: true, nperseg: true, noverlap: true, nfft: true, detrend: true });
const SPECTROGRAM = optionKeys<SpectrogramOptions>({ fs: true, window: true, nperseg: true, noverlap: true, nfft: true, detrend: true, returnOnesided: true, scaling: true, mode: true });
const AGREEMENT = optionKeys<AgreementOptions>({ coherenceThreshold: true, nperseg: true, window: true });
const SWEEP = optionKeys<Omit<SweepJob, 'config' | 'axes'>>({ stages: true, atFreqs: true, format: true, allowUnstable: true, skipInvalid: true, vocabulary: true, plot: true });
const PLOT = optionKeys<PlotOptions>({
  theme: true, width: true, height: true, frequencyScale: true, frequencyUnit: true, frequencies: true, omegaMin: true, stageCount: true, stages: true,
  mapBins: true, mapRows: true, compareLayout: true, comparePositions: true, interactive: true, interactiveStageCount: true, view: true,
});

export const analyze = withKnownOptions(analysis.analyze, 1, [...ANALYZE, ...PARSE]);
export const stageRecords = withKnownOptions(analysis.stageRecords, 1, ANALYZE);
export const stageReportOf = withKnownOptions(analysis.stageReportOf, 1, ['stages', 'displayStages']);
export const parseSchedules = withKnownOptions(parse.parseSchedules, 1, PARSE);
export const parseConfig = withKnownOptions(parse.parseConfig, 1, PARSE);
export const exactStepResponses = withKnownOptions(stageFilter.exactStepResponses, 2, ['path']);
export const sweepJob = withKnownOptions(sweep.sweepJob, 2, SWEEP);
export const resolvePlotOptions = withKnownOptions(plotOptions.resolvePlotOptions, 0, PLOT);
export const welchPsd = withKnownOptions(welch.welchPsd, 1, WELCH);
export const welchPsdChunks = withKnownOptions(welch.welchPsdChunks, 2, WELCH);
export const csd = withKnownOptions(csdModule.csd, 2, WELCH);
export const csdChunks = withKnownOptions(csdModule.csdChunks, 2, WELCH);
export const coherence = withKnownOptions(coherenceModule.coherence, 2, COHERENCE);
export const coherenceChunks = withKnownOptions(coherenceModule.coherenceChunks, 2, COHERENCE);
export const spectrogram = withKnownOptions(spectrogramModule.spectrogram, 1, SPECTROGRAM);
export const spectrogramChunks = withKnownOptions(spectrogramModule.spectrogramChunks, 2, SPECTROGRAM);
export const empiricalGain = withKnownOptions(gain.empiricalGain, 2, SPECTRAL);
export const stageComparison = withKnownOptions(agreement.stageComparison, 4, AGREEMENT);
export const simulateSchedule = withKnownOptions(simulation.simulateSchedule, 3, AGREEMENT);
export const stagePsdRecords = withKnownOptions(plotRecords.stagePsdRecords, 4, WELCH);
