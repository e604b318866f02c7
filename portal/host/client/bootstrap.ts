import { BOOTSTRAP_ELEMENT_ID, type PortalBootstrap } from '../protocol/bootstrap';

let cached: PortalBootstrap | null = null;

/** The page's bootstrap block, written by the server. */
export function bootstrap(): PortalBootstrap {
  if (cached) return cached;
  const element = document.getElementById(BOOTSTRAP_ELEMENT_ID);
  if (!element?.textContent) throw new Error('The portal page has no bootstrap block.');
  cached = JSON.parse(element.textContent) as PortalBootstrap;
  return cached;
}
