import { describe, expect, it } from 'vitest';
import { formatReply, parseFrameMessage } from './message-format';

describe('reading frame messages as the portal does', () => {
  it('reads the SDK string form, which drops empty fields', () => {
    expect(parseFrameMessage('getInitData:efb41f64-a512:appsid123')).toEqual({
      method: 'getInitData',
      params: [],
      callback: 'efb41f64-a512',
      appSid: 'appsid123',
    });
  });

  it('reads the classic BX24 string form, which keeps empty fields', () => {
    expect(parseFrameMessage('getInitData::cb1:sid9')).toEqual({
      method: 'getInitData',
      params: [],
      callback: 'cb1',
      appSid: 'sid9',
    });
    expect(parseFrameMessage('resizeWindow:{"width":"100%","height":300}::sid9')).toEqual({
      method: 'resizeWindow',
      params: { width: '100%', height: 300 },
      callback: '',
      appSid: 'sid9',
    });
  });

  it('keeps colons inside the params JSON by counting callback and APP_SID from the end', () => {
    expect(parseFrameMessage('setTitle:{"title":"Hello: world"}:cb:sid')?.params).toEqual({ title: 'Hello: world' });
    expect(parseFrameMessage('setAppOption:{"name":"x","value":{"y":"z:1"}}:cb:sid')?.params).toEqual({
      name: 'x',
      value: { y: 'z:1' },
    });
  });

  it('reads the object form used for commands containing a colon', () => {
    expect(
      parseFrameMessage({ method: 'im:setTextareaContent', params: { text: 'a:b' }, callback: 'c1', appSid: 'sid' }),
    ).toEqual({
      method: 'im:setTextareaContent',
      params: { text: 'a:b' },
      callback: 'c1',
      appSid: 'sid',
    });
    expect(parseFrameMessage({ method: 'getInitData', params: '', callback: 'c1', appSid: 'sid' })?.params).toEqual([]);
  });

  it('ignores data that is no command: broken JSON, numbers, empty strings, objects without a method', () => {
    expect(parseFrameMessage('setTitle:{broken:cb:sid')).toBeNull();
    expect(parseFrameMessage(42)).toBeNull();
    expect(parseFrameMessage('')).toBeNull();
    expect(parseFrameMessage({ params: {} })).toBeNull();
  });

  it('answers with a string, empty after the colon when there is no value', () => {
    expect(formatReply('cb', { a: 1 })).toBe('cb:{"a":1}');
    expect(formatReply('cb', undefined)).toBe('cb:');
  });
});
