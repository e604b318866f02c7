import { Suspense, use } from 'react';
import { startFrame } from '../bitrix/frame';
import { I18nProvider } from '../i18n';
import { AppProviders } from './AppProviders';
import { FrameFit } from './FrameFit';
import { FrameFailed } from './LaunchProblem';
import { OutsideBitrixPage } from './OutsideBitrixPage';
import { SurfaceLoading } from './SurfaceLoading';
import { SurfaceRouter } from './SurfaceRouter';

/** Outside a portal frame there is no LANG from the portal: the URL's or the browser's language. */
function browserLanguage(): string {
  return new URLSearchParams(window.location.search).get('LANG') ?? navigator.language.slice(0, 2);
}

function Started() {
  const start = use(startFrame());
  if (start.status === 'outside-bitrix') {
    return (
      <I18nProvider bitrixLanguage={browserLanguage()}>
        <OutsideBitrixPage />
      </I18nProvider>
    );
  }
  if (start.status === 'failed') {
    return (
      <I18nProvider bitrixLanguage={browserLanguage()}>
        <FrameFailed messageKey={start.error.messageKey} />
      </I18nProvider>
    );
  }
  return (
    <AppProviders boundary={start.boundary}>
      <FrameFit>
        <SurfaceRouter />
      </FrameFit>
    </AppProviders>
  );
}

export function App() {
  return (
    <Suspense
      fallback={
        <I18nProvider bitrixLanguage={browserLanguage()}>
          <SurfaceLoading />
        </I18nProvider>
      }
    >
      <Started />
    </Suspense>
  );
}
