import { startFrame } from '../bitrix/frame';
import { I18nProvider } from '../i18n';
import { AppProviders } from './AppProviders';
import { FrameFit } from './FrameFit';
import { FrameFailed } from './LaunchProblem';
import { OutsideBitrixPage } from './OutsideBitrixPage';
import { SurfaceLoading } from './SurfaceLoading';
import { SurfaceRouter } from './SurfaceRouter';
import { usePromise } from './use-promise';

/** Outside a portal frame there is no LANG from the portal: the URL's (the portal puts it there) or the browser's. */
function browserLanguage(): string {
  return new URLSearchParams(window.location.search).get('LANG') ?? navigator.language.slice(0, 2);
}

export function App() {
  const start = usePromise(startFrame());
  if (start.status !== 'fulfilled' || start.value.status !== 'ready') {
    return (
      <I18nProvider bitrixLanguage={browserLanguage()}>
        {start.status === 'pending' ? (
          <SurfaceLoading />
        ) : start.status === 'fulfilled' && start.value.status === 'outside-bitrix' ? (
          <OutsideBitrixPage />
        ) : (
          <FrameFailed
            messageKey={
              start.status === 'fulfilled' && start.value.status === 'failed' ? start.value.error.messageKey : 'unknown'
            }
          />
        )}
      </I18nProvider>
    );
  }
  return (
    <AppProviders boundary={start.value.boundary}>
      <FrameFit>
        <SurfaceRouter />
      </FrameFit>
    </AppProviders>
  );
}
