import { adamM } from './adam-m.js';
import { ademamix } from './ademamix.js';
import { aggmo } from './aggmo.js';
import { constant } from './constant.js';
import { emaSgdm } from './ema-sgdm.js';
import { fsgdm } from './fsgdm.js';
import { lion } from './lion.js';
import { nadam } from './nadam.js';
import { nesterov } from './nesterov.js';
import { paperPresets } from './paper.js';
import type { Preset } from './preset.js';
import { pytorchSgd } from './pytorch-sgd.js';
import { qhm } from './qhm.js';
import { rational } from './rational.js';
import { standardSgdm } from './standard-sgdm.js';

/** Every preset, by name, in the order `momentum-fr presets` lists them. */
export const PRESETS: ReadonlyMap<string, Preset> = new Map(
  ([fsgdm, emaSgdm, standardSgdm, pytorchSgd, constant, ...paperPresets, nesterov, qhm, aggmo, adamM, nadam, ademamix, lion, rational] as Preset[]).map((p) => [p.name, p]),
);

export type { Preset, StageContext, Coefficients } from './preset.js';
