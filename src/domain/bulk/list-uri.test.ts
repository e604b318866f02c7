import { describe, expect, it } from 'vitest';
import { funnelFromListUri } from './list-uri';

describe('funnel from the list URI', () => {
  it('reads the funnel of a list that shows one', () => {
    expect(funnelFromListUri('/crm/type/177/list/category/9/?any=1', 177)).toBe(9);
    expect(funnelFromListUri('https://acme.bitrix24.com/crm/type/177/list/category/0/', 177)).toBe(0);
  });

  it('reads the funnel given as a query parameter too, as a funnel switch may address the list', () => {
    expect(funnelFromListUri('/crm/type/183/list/?category=12', 183)).toBe(12);
    expect(funnelFromListUri('/crm/type/183/list/?user=6&category=12&page=2', 183)).toBe(12);
    expect(funnelFromListUri('/crm/type/183/list/?category=twelve', 183)).toBeNull();
    expect(funnelFromListUri('/crm/type/183/details/5/?category=12', 183)).toBeNull();
  });

  it('chooses nothing for other lists, other smart processes or no URI', () => {
    expect(funnelFromListUri('/crm/type/177/list/', 177)).toBeNull();
    expect(funnelFromListUri('/crm/type/156/list/category/3/', 177)).toBeNull();
    expect(funnelFromListUri(undefined, 177)).toBeNull();
  });
});
