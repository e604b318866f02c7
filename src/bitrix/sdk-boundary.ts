/**
 * BitrixBoundary over @bitrix24/b24jssdk 2.2.0: REST (call, batch, the portal's clock) in
 * sdk-rest.ts, the portal's dialogs, slider and frame size through the frame's managers here.
 * Nothing else in the app imports the SDK's runtime.
 */
import type { B24Frame } from '@bitrix24/b24jssdk';
import type { BitrixBoundary, FrameSession, PickedUser } from './boundary';
import { toBitrixError } from './errors';
import { createSdkRest } from './sdk-rest';

function toPickedUser(user: {
  id: string | number;
  name?: string;
  photo?: string;
  position?: string;
}): PickedUser | null {
  const id = Number(user.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return { id, name: user.name ?? '', photoUrl: user.photo ? user.photo : null, position: user.position ?? '' };
}

export function readSession(b24: B24Frame): FrameSession {
  const auth = b24.auth.getAuthData();
  return {
    bitrixLanguage: b24.getLang() || 'en',
    placement: b24.placement.placement,
    placementOptions: b24.placement.options as unknown,
    isAdmin: b24.auth.isAdmin === true,
    portalOrigin: b24.getTargetOrigin(),
    memberId: auth === false ? '' : auth.member_id,
  };
}

export function createSdkBoundary(b24: B24Frame): BitrixBoundary {
  const session = readSession(b24);
  const rest = createSdkRest(b24);

  const boundary: BitrixBoundary = {
    session,

    ...rest,

    async openPortalPath(path: string): Promise<void> {
      await b24.slider.openPath(b24.slider.getUrl(path));
    },

    async pickUser(): Promise<PickedUser | null> {
      const user = await b24.dialog.selectUser();
      return user ? toPickedUser(user) : null;
    },

    async pickUsers(): Promise<PickedUser[]> {
      const users = await b24.dialog.selectUsers();
      return (Array.isArray(users) ? users : []).map(toPickedUser).filter((user): user is PickedUser => user !== null);
    },

    fitFrameTo(element: HTMLElement): void {
      // Height only: the width stays '100%' so the frame follows the card as the window changes.
      // resizeWindowAuto/resizeWindow send a number of pixels, which the portal pins on the iframe
      // (its width then freezes at the first measurement); fitWindow sends '100%' but measures the
      // document, which never shrinks. The same resizeWindow message, with the element's height.
      const height = Math.max(1, Math.ceil(element.getBoundingClientRect().height));
      b24.placement.call('resizeWindow', { width: '100%', height }).catch(() => undefined);
    },

    portalUrl(path: string): string {
      return b24.slider.getUrl(path).toString();
    },

    async closeApplication(): Promise<void> {
      await b24.parent.closeApplication();
    },

    async finishInstall(): Promise<void> {
      try {
        await b24.installFinish();
      } catch (error) {
        throw toBitrixError(error, 'installFinish');
      }
    },
  };
  return boundary;
}
