import { describe, expect, it } from 'vitest';
import { finishAndConfirmInstall } from './synchronise';

describe('finishing the install', () => {
  it('asks the portal to finish and waits until app.info says installed', async () => {
    let installed = false;
    let answersUntilInstalled = 2;
    const calls: string[] = [];
    const confirmed = await finishAndConfirmInstall({
      isInstalled: async () => {
        calls.push('app.info');
        if (installed && answersUntilInstalled-- <= 0) return true;
        return false;
      },
      finishInstall: () => {
        calls.push('installFinish');
        installed = true;
      },
      sleep: async () => {},
    });
    expect(confirmed).toBe(true);
    expect(calls.filter((call) => call === 'installFinish')).toHaveLength(1);
    expect(calls[0]).toBe('app.info');
  });

  it('does not finish twice when the portal already says installed', async () => {
    let finished = 0;
    const confirmed = await finishAndConfirmInstall({
      isInstalled: async () => true,
      finishInstall: () => (finished += 1),
      sleep: async () => {},
    });
    expect(confirmed).toBe(true);
    expect(finished).toBe(0);
  });

  it('reports an install the portal never confirms', async () => {
    const confirmed = await finishAndConfirmInstall(
      { isInstalled: async () => false, finishInstall: () => {}, sleep: async () => {} },
      3,
    );
    expect(confirmed).toBe(false);
  });
});
