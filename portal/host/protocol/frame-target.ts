/**
 * How the portal addresses an app frame: the iframe's name (which the SDK and BX24 read from
 * `window.name`), the URL the form is posted to, and the origin messages are accepted from.
 */

export interface FrameAddress {
  /** The portal page's `location.host`, with a non-default port. */
  host: string;
  secure: boolean;
  lang: string;
  appSid: string;
}

/** `<host[:port]>|<0|1>|<APP_SID>` */
export function frameName(address: Pick<FrameAddress, 'host' | 'secure' | 'appSid'>): string {
  return `${address.host}|${address.secure ? 1 : 0}|${address.appSid}`;
}

/** The handler URL with DOMAIN, PROTOCOL, LANG and APP_SID appended; DOMAIN is written raw, as the portal does. */
export function frameAction(handler: string, address: FrameAddress): string {
  const separator = handler.includes('?') ? '&' : '?';
  return `${handler}${separator}DOMAIN=${address.host}&PROTOCOL=${address.secure ? 1 : 0}&LANG=${encodeURIComponent(address.lang)}&APP_SID=${address.appSid}`;
}

/**
 * The origin a frame's messages must come from and replies go to: the handler's scheme and
 * host, with its port unless it is the scheme's default (the portal also accepts an origin that
 * matches once the handler URL's explicit default port is added, which URL parsing folds in).
 */
export function handlerOrigin(handler: string): string {
  return new URL(handler).origin;
}
