import { describe, expect, it } from 'vitest';
import { formatPortalDateTime } from './format';

describe('page formatting', () => {
  it('shows the wall-clock time the portal stored', () => {
    expect(formatPortalDateTime('2026-10-28T12:15:00+03:00')).toBe('28 Oct 2026, 12:15');
    expect(formatPortalDateTime('2026-11-04')).toBe('4 Nov 2026');
    expect(formatPortalDateTime('soon')).toBe('soon');
  });
});
