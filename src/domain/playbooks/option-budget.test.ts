import { describe, expect, it } from 'vitest';
import { APP_OPTIONS_MAX_BYTES, optionsBytesWith, optionsMap, phpSerializedLength } from './option-budget';

describe('phpSerializedLength', () => {
  it('counts as PHP serialize() writes it', () => {
    // serialize(['surfaceChoices' => '{"overrides":{}}', 5 => true, 'x' => null]) in PHP:
    // a:3:{s:14:"surfaceChoices";s:16:"{"overrides":{}}";i:5;b:1;s:1:"x";N;}
    const php = 'a:3:{s:14:"surfaceChoices";s:16:"{"overrides":{}}";i:5;b:1;s:1:"x";N;}';
    expect(phpSerializedLength({ surfaceChoices: '{"overrides":{}}', 5: true, x: null })).toBe(php.length);
    expect(phpSerializedLength('жж')).toBe('s:4:"жж";'.length + 2);
  });

  it('adds a playbook to the options already stored, which share the room', () => {
    const stored = optionsMap({ surfaceChoices: '{}', playbook_156: 'x'.repeat(40_000) });
    expect(optionsBytesWith(stored, 'playbook_177', 'y'.repeat(20_000))).toBeLessThan(APP_OPTIONS_MAX_BYTES);
    expect(optionsBytesWith(stored, 'playbook_177', 'y'.repeat(30_000))).toBeGreaterThan(APP_OPTIONS_MAX_BYTES);
    // Replacing a playbook counts its new size, not both.
    expect(optionsBytesWith(stored, 'playbook_156', 'z')).toBeLessThan(100);
    expect(optionsMap([])).toEqual({});
  });
});
