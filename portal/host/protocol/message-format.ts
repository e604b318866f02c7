/**
 * The wire format between an app frame and the portal page, parent side. Used by the portal's
 * browser script; kept free of DOM access so it is tested in Node.
 */

export interface FrameCommand {
  method: string;
  /** Parsed params: the JSON the frame sent, or `[]` when it sent none (as the portal does). */
  params: unknown;
  /** Callback id to answer with; empty when the frame expects no answer. */
  callback: string;
  appSid: string;
}

/**
 * Splits a string message the way the portal does: first field is the command, the last two
 * are callback id and APP_SID, everything between is the params JSON (which may contain `:`).
 * The SDK drops empty fields (`getInitData:<cb>:<sid>`), the classic BX24 library keeps them
 * (`getInitData::<cb>:<sid>`); counting from the end reads both.
 */
export function splitStringMessage(data: string): [string, string, string, string] {
  const parts = data.split(':');
  const last = parts.length - 1;
  return [parts[0] ?? '', parts.slice(1, Math.max(1, last - 1)).join(':'), parts[last - 1] ?? '', parts[last] ?? ''];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a message event's data; null when it is not a frame command (or its JSON is broken). */
export function parseFrameMessage(data: unknown): FrameCommand | null {
  if (isPlainObject(data)) {
    const { method, params, callback, appSid } = data;
    if (typeof method !== 'string') return null;
    return {
      method,
      params: params ? params : [],
      callback: typeof callback === 'string' ? callback : '',
      appSid: appSid === undefined || appSid === null ? '' : String(appSid),
    };
  }
  if (typeof data !== 'string' || data === '') return null;
  const [method, paramsText, callback, appSid] = splitStringMessage(data);
  let params: unknown = [];
  if (paramsText) {
    try {
      params = JSON.parse(paramsText);
    } catch {
      // The portal's listener throws here and answers nothing; so does the emulator.
      return null;
    }
  }
  return { method, params, callback, appSid };
}

/** The portal always answers with a string `<callback>:<JSON>`, or `<callback>:` for no value. */
export function formatReply(callback: string, result: unknown): string {
  return `${callback}:${result === undefined ? '' : JSON.stringify(result)}`;
}
