import { describe } from 'vitest';
import { itMatchesTorch, torchCases } from '../../support/torch-schedulers.js';

describe('ConstantLR against torch 1.13 (test/fixtures/torch/schedulers.json)', () => {
  itMatchesTorch(torchCases('ConstantLR'), () => true);
});
