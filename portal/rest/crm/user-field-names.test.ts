import { describe, expect, it } from 'vitest';
import { userFieldCamelName } from './user-field-names';

describe('custom field names in crm.item (docs crm/universal/index.md)', () => {
  it('converts the documented examples', () => {
    expect(userFieldCamelName('UF_CRM_3_DIGIT')).toBe('ufCrm3Digit');
    expect(userFieldCamelName('UF_CRM_3_1747309727')).toBe('ufCrm3_1747309727');
    expect(userFieldCamelName('UF_CRM_3_DIGIT10')).toBe('ufCrm_3_DIGIT10');
    expect(userFieldCamelName('UF_CRM_3_DIGIT_10')).toBe('ufCrm_3_DIGIT_10');
    expect(userFieldCamelName('UF_CRM_1747309879')).toBe('ufCrm_1747309879');
  });

  it('keeps the underscores between numeric blocks and drops the others', () => {
    expect(userFieldCamelName('UF_CRM_10_5186744711_2')).toBe('ufCrm10_5186744711_2');
    expect(userFieldCamelName('UF_CRM_7_WEIGHT_KG')).toBe('ufCrm7WeightKg');
  });
});
