import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two kinds of unit tests: the app's (in a DOM) and the emulator's and manifest's (in Node).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        test: {
          name: 'app',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['portal/**/*.test.ts', 'placements/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
