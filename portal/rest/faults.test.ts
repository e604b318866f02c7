/** The `--fail` flag's syntax: portal errors and proxy answers, before (default) or after the write. */
import { describe, expect, it } from 'vitest';
import { FaultSettingsError, parseFailFlag } from './faults';

describe('--fail METHOD:COUNT:CODE[:STATUS][:before|after]', () => {
  it('reads the portal form, with and without status and timing', () => {
    expect(parseFailFlag('tasks.task.add:1:ERROR_CORE:400')).toEqual({
      method: 'tasks.task.add',
      count: 1,
      error: 'ERROR_CORE',
      status: 400,
    });
    expect(parseFailFlag('batch:2:INTERNAL_SERVER_ERROR:500:after')).toEqual({
      method: 'batch',
      count: 2,
      error: 'INTERNAL_SERVER_ERROR',
      status: 500,
      when: 'after',
    });
    expect(parseFailFlag('crm.item.get:1:NOT_FOUND:before')).toEqual({
      method: 'crm.item.get',
      count: 1,
      error: 'NOT_FOUND',
      when: 'before',
    });
  });

  it('reads the proxy answers', () => {
    expect(parseFailFlag('tasks.task.add:1:proxy-html:503:after')).toEqual({
      method: 'tasks.task.add',
      count: 1,
      error: 'proxy-html',
      answer: 'proxy-html',
      status: 503,
      when: 'after',
    });
    expect(parseFailFlag('tasks.task.add:1:proxy-text:after')).toEqual({
      method: 'tasks.task.add',
      count: 1,
      error: 'proxy-text',
      answer: 'proxy-text',
      when: 'after',
    });
  });

  it('explains a malformed flag', () => {
    expect(() => parseFailFlag('tasks.task.add:1')).toThrow(FaultSettingsError);
    expect(() => parseFailFlag('tasks.task.add:1:ERROR_CORE:400:later')).toThrow(
      '--fail expects METHOD:COUNT:CODE[:STATUS][:before|after]',
    );
    expect(() => parseFailFlag('tasks.task.add:1:ERROR_CORE:42')).toThrow(
      '--fail STATUS must be an HTTP status 100-599',
    );
  });
});
