/**
 * The CRM's system object types as crm.enum.ownertype lists them (docs
 * crm/auxiliary/enum/crm-enum-owner-type.md): id, name, symbol code and short code, in the
 * documented order. Smart processes follow them in the list.
 */
export interface OwnerType {
  id: number;
  name: string;
  symbolCode: string;
  shortCode: string;
}

export const SYSTEM_OWNER_TYPES: readonly OwnerType[] = [
  { id: 1, name: 'Lead', symbolCode: 'LEAD', shortCode: 'L' },
  { id: 2, name: 'Deal', symbolCode: 'DEAL', shortCode: 'D' },
  { id: 3, name: 'Contact', symbolCode: 'CONTACT', shortCode: 'C' },
  { id: 4, name: 'Company', symbolCode: 'COMPANY', shortCode: 'CO' },
  { id: 5, name: 'Invoice (old version)', symbolCode: 'INVOICE', shortCode: 'I' },
  { id: 31, name: 'Invoice', symbolCode: 'SMART_INVOICE', shortCode: 'SI' },
  { id: 7, name: 'Quote', symbolCode: 'QUOTE', shortCode: 'Q' },
  { id: 8, name: 'Billing Details', symbolCode: 'REQUISITE', shortCode: 'RQ' },
  { id: 36, name: 'Document', symbolCode: 'SMART_DOCUMENT', shortCode: 'DO' },
  { id: 39, name: 'Company Document', symbolCode: 'SMART_B2E_DOC', shortCode: 'SBD' },
];

export function systemOwnerType(entityTypeId: number): OwnerType | undefined {
  return SYSTEM_OWNER_TYPES.find((type) => type.id === entityTypeId);
}
