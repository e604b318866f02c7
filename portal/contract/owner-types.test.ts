/** crm.enum.ownertype lists the system types exactly as the docs' example does, then the smart processes. */
import { describe, expect, it } from 'vitest';
import { call, contractPortalForThisFile } from './contract-harness';

const context = contractPortalForThisFile();

describe('crm.enum.ownertype', () => {
  it('lists the documented system types in the documented order and names, with integer ids', async () => {
    const { result } = await call<Array<{ ID: number; NAME: string; SYMBOL_CODE: string; SYMBOL_CODE_SHORT: string }>>(
      context.hook,
      'crm.enum.ownertype',
    );
    const system = result.filter((type) => !type.SYMBOL_CODE.startsWith('DYNAMIC_'));
    expect(system.map((type) => [type.ID, type.NAME, type.SYMBOL_CODE, type.SYMBOL_CODE_SHORT])).toEqual([
      [1, 'Lead', 'LEAD', 'L'],
      [2, 'Deal', 'DEAL', 'D'],
      [3, 'Contact', 'CONTACT', 'C'],
      [4, 'Company', 'COMPANY', 'CO'],
      [5, 'Invoice (old version)', 'INVOICE', 'I'],
      [31, 'Invoice', 'SMART_INVOICE', 'SI'],
      [7, 'Quote', 'QUOTE', 'Q'],
      [8, 'Billing Details', 'REQUISITE', 'RQ'],
      [36, 'Document', 'SMART_DOCUMENT', 'DO'],
      [39, 'Company Document', 'SMART_B2E_DOC', 'SBD'],
    ]);
    expect(result.slice(0, system.length)).toEqual(system);
  });
});
