import { AjaxError, SdkError } from '@bitrix24/b24jssdk';
import { describe, expect, it } from 'vitest';
import { batchCommandError, BitrixError, classifyError, cleanPortalDescription, toBitrixError } from './errors';

function ajax(code: string, status: number, description = ''): AjaxError {
  return new AjaxError({
    code,
    status,
    description,
    requestInfo: { method: 'tasks.task.add', params: {}, requestId: 'r1' },
  });
}

describe('toBitrixError', () => {
  it('turns the SDK’s errors into kinds the UI acts on', () => {
    expect(toBitrixError(ajax('expired_token', 401)).kind).toBe('auth-expired');
    expect(toBitrixError(ajax('invalid_token', 401)).kind).toBe('auth-invalid');
    expect(toBitrixError(ajax('insufficient_scope', 401)).kind).toBe('access-denied');
    expect(toBitrixError(ajax('ACCESS_DENIED', 400, 'Access denied')).kind).toBe('access-denied');
    expect(toBitrixError(ajax('NOT_FOUND', 400, 'Element not found')).kind).toBe('not-found');
    expect(toBitrixError(ajax('QUERY_LIMIT_EXCEEDED', 503, 'Too many requests')).kind).toBe('rate-limit');
    expect(toBitrixError(ajax('NETWORK_ERROR', 0)).kind).toBe('network');
    expect(toBitrixError(ajax('REQUEST_TIMEOUT', 408)).kind).toBe('timeout');
    expect(toBitrixError(ajax('ERROR_METHOD_NOT_FOUND', 404)).kind).toBe('method-not-found');
    expect(toBitrixError(ajax('INTERNAL_SERVER_ERROR', 500)).kind).toBe('server');
    expect(
      toBitrixError(new SdkError({ code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT', status: 408, description: 'x' })).kind,
    ).toBe('auth-expired');
  });

  it('keeps the portal’s own words for validation errors, without markup', () => {
    const error = toBitrixError(ajax('ERROR_CORE', 400, 'Task title is not specified<br>'));
    expect(error.kind).toBe('validation');
    expect(error.portalDescription).toBe('Task title is not specified');
    expect(error.method).toBe('tasks.task.add');
    expect(error.messageKey).toBe('validation');
  });

  it('reads the module errors that say what happened only in their text', () => {
    expect(classifyError('0', 400, 'Smart process not found')).toBe('not-found');
    expect(classifyError('', 400, 'You do not have permission to view user field settings')).toBe('access-denied');
  });

  it('says which failures leave a write uncertain and which requests the portal finished', () => {
    expect(toBitrixError(ajax('NETWORK_ERROR', 0)).leavesWriteUncertain).toBe(true);
    expect(toBitrixError(ajax('NETWORK_ERROR', 0)).portalAnswered).toBe(false);
    expect(toBitrixError(ajax('ERR_BAD_RESPONSE', 502)).portalAnswered).toBe(false);
    expect(toBitrixError(ajax('INTERNAL_SERVER_ERROR', 500)).portalAnswered).toBe(true);
    expect(toBitrixError(ajax('ERROR_CORE', 400)).leavesWriteUncertain).toBe(false);
    expect(toBitrixError(ajax('QUERY_LIMIT_EXCEEDED', 503)).leavesWriteUncertain).toBe(false);
    expect(toBitrixError(ajax('QUERY_LIMIT_EXCEEDED', 503)).isTransient).toBe(true);
  });

  it('takes only the portal’s own limit bodies as a refusal; a proxy’s 503 or 429 after a write leaves it uncertain', () => {
    // What SDK 2.2.0 builds for a body that is not Bitrix JSON: axios' code, the HTTP status.
    const proxyPage = toBitrixError(ajax('ERR_BAD_RESPONSE', 503, 'Request failed with status code 503'));
    expect(proxyPage.kind).toBe('server');
    expect(proxyPage.leavesWriteUncertain).toBe(true);
    expect(proxyPage.portalAnswered).toBe(false);
    const proxyThrottle = toBitrixError(ajax('ERR_BAD_REQUEST', 429, 'Request failed with status code 429'));
    expect(proxyThrottle.kind).toBe('server');
    expect(proxyThrottle.leavesWriteUncertain).toBe(true);
    expect(proxyThrottle.portalAnswered).toBe(false);
    // A JSON body that is not one of the portal's codes is no refusal either.
    expect(toBitrixError(ajax('Service Unavailable', 503)).leavesWriteUncertain).toBe(true);
    expect(toBitrixError(ajax('Service Unavailable', 503)).portalAnswered).toBe(false);
    // The portal's own bodies are.
    for (const [code, status] of [
      ['QUERY_LIMIT_EXCEEDED', 503],
      ['OPERATION_TIME_LIMIT', 429],
      ['QUERY_LIMIT_EXCEEDED', 429],
    ] as const) {
      const refusal = toBitrixError(ajax(code, status));
      expect(refusal.kind).toBe('rate-limit');
      expect(refusal.leavesWriteUncertain).toBe(false);
      expect(refusal.portalAnswered).toBe(true);
    }
  });

  it('reads a refused token refresh out of the SDK’s generic wrapper: the session ended, nothing was sent', () => {
    // SDK 2.2.0: the frame's refreshAuth times out (the portal answers nothing when it refuses),
    // and AbstractHttp.call wraps that SdkError as JSSDK_UNKNOWN_ERROR (status 0).
    const refused = new SdkError({
      code: 'JSSDK_FRAME_REFRESH_AUTH_TIMEOUT',
      status: 408,
      description: 'refreshAuth: the parent window did not answer within 10000ms',
    });
    const wrapped = new AjaxError({
      code: 'JSSDK_UNKNOWN_ERROR',
      status: 0,
      description: refused.message,
      requestInfo: { method: 'batch', params: {}, requestId: 'r2' },
      originalError: refused,
    });
    const error = toBitrixError(wrapped);
    expect(error.kind).toBe('auth-expired');
    expect(error.leavesWriteUncertain).toBe(false);
    expect(error.method).toBe('batch');
    // A wrapper around something unknown stays unknown (uncertain), as before.
    expect(
      toBitrixError(
        new AjaxError({
          code: 'JSSDK_UNKNOWN_ERROR',
          status: 0,
          description: 'x',
          requestInfo: { method: 'batch', params: {}, requestId: 'r3' },
          originalError: new TypeError('x'),
        }),
      ).kind,
    ).toBe('unknown');
  });

  it('accepts anything thrown', () => {
    expect(toBitrixError(new Error('boom')).kind).toBe('unknown');
    expect(toBitrixError('boom')).toBeInstanceOf(BitrixError);
  });
});

describe('batch command errors', () => {
  it('reads {error, error_description} and bare codes', () => {
    expect(
      batchCommandError({ error: 'NOT_FOUND', error_description: 'Element not found' }, 'crm.item.get'),
    ).toMatchObject({ kind: 'not-found', method: 'crm.item.get' });
    expect(batchCommandError('ERROR_CORE', 'tasks.task.add').kind).toBe('validation');
  });
});

describe('cleanPortalDescription', () => {
  it('drops tags and empty text', () => {
    expect(cleanPortalDescription('A<br/>B <b>C</b>')).toBe('A B C');
    expect(cleanPortalDescription('  ')).toBeUndefined();
    expect(cleanPortalDescription(5)).toBeUndefined();
  });
});
