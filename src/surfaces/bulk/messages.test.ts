import { describe, expect, it } from 'vitest';
import { bulkMessages } from './messages';

describe("a playbook run's summary", () => {
  it('says "1 item" / "1 Element", not "1 items" / "1 Elemente"', () => {
    expect(bulkMessages.en.reportPlaybookSummary(1, 3, 0, 0, 'en')).toBe(
      '3 tasks created for 1 item; 0 had every task; 0 failed.',
    );
    expect(bulkMessages.de.reportPlaybookSummary(1, 3, 1, 0, 'de')).toBe(
      '3 Aufgaben erstellt für 1 Element; 1 hatte schon alle; 0 fehlgeschlagen.',
    );
    expect(bulkMessages.en.reportPlaybookSummary(1_240, 3_720, 2, 1, 'en')).toBe(
      '3,720 tasks created for 1,240 items; 2 had every task; 1 failed.',
    );
  });
});
