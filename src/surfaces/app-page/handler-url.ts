import { entryUrls } from '../../../placements/manifest';

/**
 * The handler URL placements are bound to: the app's own folder + the manifest's handler
 * entry. The install page and the handler live side by side, so the page the admin has open
 * names the deployment; opening it from a new host moves the bindings there on the next sync.
 */
export function appHandlerUrl(pageUrl: string = window.location.href): string {
  return entryUrls(new URL('.', pageUrl).toString()).handler;
}
