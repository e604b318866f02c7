import { describe, expect, it } from 'vitest';
import { entityTypeIdFromShortCode, linkCode, parseLinkCode, smartProcessShortCode } from './link-code';

describe('link codes', () => {
  it('follows the portal rule: T + lower-case hex entityTypeId', () => {
    expect(smartProcessShortCode(177)).toBe('Tb1');
    expect(smartProcessShortCode(156)).toBe('T9c');
    expect(smartProcessShortCode(128)).toBe('T80');
    expect(smartProcessShortCode(1038)).toBe('T40e');
  });

  it('links item 29 of type 177 as Tb1_29', () => {
    expect(linkCode(smartProcessShortCode(177), 29)).toBe('Tb1_29');
  });

  it('refuses system types, whose codes are not derivable', () => {
    expect(() => smartProcessShortCode(2)).toThrow(RangeError);
  });

  it('reads link codes back', () => {
    expect(parseLinkCode('Tb1_29')).toEqual({ shortCode: 'Tb1', itemId: 29 });
    expect(parseLinkCode('CO_5')).toEqual({ shortCode: 'CO', itemId: 5 });
    expect(parseLinkCode('29')).toBeNull();
    expect(entityTypeIdFromShortCode('Tb1')).toBe(177);
    expect(entityTypeIdFromShortCode('CO')).toBeNull();
  });
});
