import { describe } from 'vitest';
import { itMatchesTorch, torchCases } from '../../support/torch-schedulers.js';

describe('MultiStepLR against torch 1.13 (test/fixtures/torch/schedulers.json)', () => {
  itMatchesTorch(torchCases('MultiStepLR'), () => true);
});
