import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkProgress } from '../../domain/bulk/bulk-runner';
import { createFakeBoundary } from '../../testing/fake-boundary';
import { renderSurface } from '../../testing/render-surface';
import { RunProgressView } from './RunProgressView';

/** A paused playbook run: 4 tasks made for 2 items, 1 skipped, 4 items still to go. */
const paused: BulkProgress = {
  created: 2,
  tasks: 4,
  skipped: 1,
  failed: 0,
  copiesRemoved: 0,
  remaining: 4,
  fraction: 3 / 7,
  status: 'paused',
  timeLeftMs: null,
  waitingFor: null,
  continuesAt: null,
};

function counters(): string[] {
  return ['created', 'skipped', 'failed', 'remaining'].map(
    (name) => document.querySelector(`[data-count="${name}"]`)?.textContent ?? '',
  );
}

afterEach(cleanup);

describe('the progress of a bulk run', () => {
  it('of a playbook run names the unit of every counter (tasks, then items), in en, ru and de', () => {
    const expected: Record<string, string[]> = {
      en: ['Tasks created: 4', 'Items skipped: 1', 'Items failed: 0', 'Items remaining: 4'],
      ru: ['Создано задач: 4', 'Пропущено элементов: 1', 'Элементов с ошибкой: 0', 'Осталось элементов: 4'],
      de: ['Aufgaben erstellt: 4', 'Elemente übersprungen: 1', 'Elemente fehlgeschlagen: 0', 'Elemente verbleibend: 4'],
    };
    for (const [language, texts] of Object.entries(expected)) {
      renderSurface(<RunProgressView progress={paused} playbook />, {
        boundary: createFakeBoundary({}, { bitrixLanguage: language }),
      });
      expect(counters()).toEqual(texts);
      cleanup();
    }
  });

  it('of a single-template run counts items only, as before', () => {
    renderSurface(<RunProgressView progress={paused} />, { boundary: createFakeBoundary() });
    expect(counters()).toEqual(['Created: 2', 'Skipped: 1', 'Failed: 0', 'Remaining: 4']);
    expect(screen.getByRole('status')).toBeTruthy();
  });
});
