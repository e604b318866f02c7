/**
 * What a front proxy or gateway answers in place of the portal (planned `proxy-html` /
 * `proxy-text` failures): a status with a body that is not Bitrix JSON, so a client cannot read
 * a Bitrix error code from it — the portal may or may not have acted.
 */
import { STATUS_CODES } from 'node:http';
import type { FailFault } from './faults';
import { failStatus } from './faults';

export interface ProxyAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The proxy's answer for a planned failure: an HTML error page or a one-line text. */
export function proxyAnswer(fault: FailFault): ProxyAnswer {
  const status = failStatus(fault);
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  if (fault.answer === 'proxy-text')
    return { status, contentType: 'text/plain; charset=utf-8', body: `${fault.description ?? title}\n` };
  const body = `<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n<h1>${title}</h1>\n<hr><p>proxy</p>\n</body>\n</html>\n`;
  return { status, contentType: 'text/html; charset=utf-8', body };
}
