import type { ReactNode } from 'react';
import { useBitrix } from '../../bitrix';
import { I18nProvider } from '../../i18n';
import { userZone, type CurrentUser } from '../../queries/users';

/**
 * A surface's content once its data names the current user: words in the user's Bitrix24
 * language, every date shown or entered on the clock of the user's Bitrix24 zone (the profile's
 * TIME_ZONE, else the portal's offset: `userZone`).
 */
export function InUserZone({
  currentUser,
  children,
}: {
  currentUser: Pick<CurrentUser, 'timeZone'>;
  children: ReactNode;
}) {
  const boundary = useBitrix();
  return (
    <I18nProvider bitrixLanguage={boundary.session.bitrixLanguage} timeZone={userZone(boundary, currentUser.timeZone)}>
      {children}
    </I18nProvider>
  );
}
