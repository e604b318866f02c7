import { describe, expect, it } from 'vitest';
import { frameAction, frameName, handlerOrigin } from './frame-target';
import { initDataPlacementOptions, placementOptionsField, toPlacementOptions } from './placement-options';

const address = { host: '127.0.0.1:4320', secure: false, lang: 'de', appSid: '0123456789abcdef0123456789abcdef' };

describe('addressing an app frame', () => {
  it('names the frame host|protocol|sid, which the SDK reads from window.name', () => {
    expect(frameName(address)).toBe('127.0.0.1:4320|0|0123456789abcdef0123456789abcdef');
    expect(frameName({ ...address, host: 'portal.test', secure: true })).toBe(
      'portal.test|1|0123456789abcdef0123456789abcdef',
    );
  });

  it('appends DOMAIN, PROTOCOL, LANG and APP_SID to the handler, after its own query', () => {
    expect(frameAction('http://app.test/index.html', address)).toBe(
      'http://app.test/index.html?DOMAIN=127.0.0.1:4320&PROTOCOL=0&LANG=de&APP_SID=0123456789abcdef0123456789abcdef',
    );
    expect(frameAction('http://app.test/?mode=x', address)).toMatch(/^http:\/\/app\.test\/\?mode=x&DOMAIN=/);
  });

  it('accepts messages from the handler origin, a default port folded in', () => {
    expect(handlerOrigin('http://127.0.0.1:5190/index.html')).toBe('http://127.0.0.1:5190');
    expect(handlerOrigin('https://app.test:443/x')).toBe('https://app.test');
  });
});

describe('placement options as the portal hands them over', () => {
  it('turns every scalar into a string, as a form post does', () => {
    expect(toPlacementOptions({ ID: 29, flag: true, nested: { n: 1 }, list: [1, 'a'] })).toEqual({
      ID: '29',
      flag: 'true',
      nested: { n: '1' },
      list: ['1', 'a'],
    });
  });

  it('posts PLACEMENT_OPTIONS as JSON with escaped slashes, and not at all when empty', () => {
    expect(placementOptionsField({ ID: '8061', URI: '/crm/deal/list/' })).toBe(
      '{"ID":"8061","URI":"\\/crm\\/deal\\/list\\/"}',
    );
    expect(placementOptionsField({})).toBeNull();
  });

  it('gives getInitData [] for an empty DEFAULT page and an empty string for an empty placement', () => {
    expect(initDataPlacementOptions({}, 'DEFAULT')).toEqual([]);
    expect(initDataPlacementOptions({}, 'CRM_DYNAMIC_177_LIST_TOOLBAR')).toBe('');
    expect(initDataPlacementOptions({ ID: '29' }, 'CRM_DYNAMIC_177_DETAIL_TAB')).toEqual({ ID: '29' });
  });
});
