import { describe } from 'vitest';
import { itMatchesTorch, torchCases } from '../../support/torch-schedulers.js';

describe('LinearLR against torch 1.13 (test/fixtures/torch/schedulers.json)', () => {
  itMatchesTorch(torchCases('LinearLR'), () => true);
});
