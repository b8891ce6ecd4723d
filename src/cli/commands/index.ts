import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { register as analyze } from './analyze.js';
import { register as coefficients } from './coefficients.js';
import { register as validate } from './validate.js';
import { register as schema } from './schema.js';
import { register as presets } from './presets.js';
import { register as init } from './init.js';
import { register as plot } from './plot.js';
import { register as simulate } from './simulate.js';
import { register as spectrum } from './spectrum.js';
import { register as sweep } from './sweep.js';
import { register as tune } from './tune.js';
import { register as explore } from './explore.js';

/**
 * Every command. Command modules only declare options; each action imports its implementation
 * lazily, so `--help` loads commander and nothing else.
 */
export function registerCommands(program: Command, ctx: CliContext): void {
  for (const register of [analyze, coefficients, validate, schema, presets, init, plot, simulate, spectrum, sweep, tune, explore]) register(program, ctx);
}
