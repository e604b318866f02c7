/**
 * CRM link codes for UF_CRM_TASK: `T` + lower-case hex entityTypeId + `_` + item id for smart
 * processes (177 → `Tb1`, item 29 → `Tb1_29`). The portal's own short code (SYMBOL_CODE_SHORT
 * from crm.enum.ownertype) wins when known; the computed one is the documented rule.
 */

/** Smart-process entityTypeIds start at 128; lower ones are system types with other codes. */
export const FIRST_SMART_PROCESS_ENTITY_TYPE_ID = 128;

export function isSmartProcessEntityTypeId(entityTypeId: number): boolean {
  return Number.isInteger(entityTypeId) && entityTypeId >= FIRST_SMART_PROCESS_ENTITY_TYPE_ID;
}

/** `Tb1` for 177. Throws for a non-smart-process id: their codes are not derivable. */
export function smartProcessShortCode(entityTypeId: number): string {
  if (!isSmartProcessEntityTypeId(entityTypeId)) {
    throw new RangeError(`${entityTypeId} is not a smart-process entityTypeId`);
  }
  return `T${entityTypeId.toString(16).toLowerCase()}`;
}

/** `Tb1_29`. */
export function linkCode(shortCode: string, itemId: number): string {
  return `${shortCode}_${itemId}`;
}

export interface ParsedLinkCode {
  shortCode: string;
  itemId: number;
}

/** `Tb1_29` → { shortCode: 'Tb1', itemId: 29 }; also `D_10`, `CO_5`. Null when not a link code. */
export function parseLinkCode(code: string): ParsedLinkCode | null {
  const match = /^([A-Za-z][A-Za-z0-9]*)_([1-9]\d*)$/.exec(code.trim());
  if (!match) return null;
  return { shortCode: match[1]!, itemId: Number(match[2]) };
}

/** entityTypeId from a smart-process short code (`Tb1` → 177), or null for other codes. */
export function entityTypeIdFromShortCode(shortCode: string): number | null {
  const match = /^T([0-9a-f]+)$/.exec(shortCode);
  if (!match) return null;
  const id = parseInt(match[1]!, 16);
  return isSmartProcessEntityTypeId(id) ? id : null;
}
