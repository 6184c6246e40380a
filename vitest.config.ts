import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `amiable-source` export
// condition (tsconfig's customConditions does the same for the type checker), so tests never
// need a build. Processes the tests spawn inherit the condition through NODE_OPTIONS.
const SOURCE_CONDITION = 'amiable-source';
const flag = `--conditions=${SOURCE_CONDITION}`;
if (!(process.env.NODE_OPTIONS ?? '').includes(flag)) {
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${flag}`.trim();
}

export default defineConfig({
  resolve: { conditions: [SOURCE_CONDITION, 'module', 'node', 'development|production'] },
  ssr: { resolve: { conditions: [SOURCE_CONDITION, 'module', 'node', 'development|production'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    fileParallelism: true,
  },
});
