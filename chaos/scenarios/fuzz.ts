import type { ChaosScenario } from '../lib/result.ts';

export const fuzz: ChaosScenario = {
  name: 'fuzz',
  async run() {
    return [];
  },
};
