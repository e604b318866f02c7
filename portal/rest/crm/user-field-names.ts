/**
 * Custom field names as crm.item shows them (docs crm/universal/index.md): `UF_CRM_3_DIGIT` →
 * `ufCrm3Digit`, `UF_CRM_3_1747309727` → `ufCrm3_1747309727`, letters mixed with digits →
 * `ufCrm_3_DIGIT10`, no object number → `ufCrm_1747309879`.
 */
function camelWords(words: string[]): string {
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()).join('');
}

export function userFieldCamelName(fieldName: string): string {
  const rest = fieldName.replace(/^UF_CRM_/i, '');
  const match = /^(\d+)_(.+)$/.exec(rest);
  if (!match) return `ufCrm_${rest}`;
  const [, objectNumber, suffix] = match as unknown as [string, string, string];
  // Only digits: the underscores between numeric blocks stay (`UF_CRM_10_5186744711` → `ufCrm10_5186744711`).
  if (/^\d+(_\d+)*$/.test(suffix)) return `ufCrm${objectNumber}_${suffix}`;
  if (/^[A-Za-z]+(_[A-Za-z]+)*$/.test(suffix)) return `ufCrm${objectNumber}${camelWords(suffix.split('_'))}`;
  return `ufCrm_${objectNumber}_${suffix}`;
}
