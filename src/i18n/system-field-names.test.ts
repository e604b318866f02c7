/** Fields shown by their names and amounts as money alike (issue 9.8). */
import { describe, expect, it } from 'vitest';
import { buildFieldViews, type FieldDefinition } from '../domain/fields';
import { createFormatters } from './format';
import { systemFieldLabel, systemFieldMessages } from './system-field-names';

function field(name: string, type: string, label: string): FieldDefinition {
  return {
    name,
    label,
    type,
    isMultiple: false,
    isDynamic: false,
    isDeprecated: false,
    enumeration: null,
    settings: {},
    statusType: null,
  };
}

describe('system field names', () => {
  it('replace a raw code the portal gives as a title, in the user’s language', () => {
    expect(systemFieldLabel(systemFieldMessages.en.names, 'contactIds', 'CONTACT_IDS')).toBe('Contacts');
    expect(systemFieldLabel(systemFieldMessages.ru.names, 'contactIds', 'CONTACT_IDS')).toBe('Контакты');
    expect(systemFieldLabel(systemFieldMessages.de.names, 'contactIds', 'CONTACT_IDS')).toBe('Kontakte');
  });

  it('leave a real title as the portal gives it', () => {
    expect(systemFieldLabel(systemFieldMessages.en.names, 'observers', 'Watchers')).toBe('Watchers');
    expect(systemFieldLabel(systemFieldMessages.en.names, 'ufCrm7_Code', 'UF_CRM_7_CODE')).toBe('UF_CRM_7_CODE');
  });
});

describe('money fields', () => {
  it('show a zero tax in the item’s currency, formatted like the amount beside it', () => {
    const views = buildFieldViews(
      [field('opportunity', 'double', 'Amount'), field('taxValue', 'double', 'Tax')],
      { opportunity: 3400, taxValue: 0, currencyId: 'EUR' },
      {
        entityTypeIdByShortCode: new Map(),
        entityTypeIdBySymbolCode: new Map(),
        categoryNames: new Map(),
      },
    );
    const format = createFormatters('en-US', 'UTC');
    const shown = views.map((view) =>
      view.values
        .map((value) => (value.kind === 'money' ? format.money(value.amount, value.currency) : JSON.stringify(value)))
        .join(),
    );
    expect(shown).toEqual(['€3,400.00', '€0.00']);
  });
});
