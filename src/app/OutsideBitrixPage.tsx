import { entryUrls } from '../../placements/manifest';
import { useMessages } from '../i18n';
import { Panel } from '../ui';
import { appMessages } from './messages';

const SCOPES = ['crm', 'task', 'user', 'placement'];

/** Opened straight in a browser (no portal frame): what this is, how to install it, how to try it. */
export function OutsideBitrixPage() {
  const text = useMessages(appMessages);
  const urls = entryUrls(new URL('.', window.location.href).toString());
  return (
    <main className="st-page" style={{ maxWidth: 720, margin: '0 auto', padding: 'var(--ui-space-5)' }}>
      <h1 style={{ fontSize: 'var(--ui-font-size-xl)', margin: '0 0 var(--ui-space-3)' }}>{text.outsideTitle}</h1>
      <p>{text.outsideIntro}</p>
      <Panel title={text.outsideInstallTitle}>
        <ol>
          {text.outsideInstallSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <p>{text.outsideSelfHostText}</p>
        <dl
          style={{
            display: 'grid',
            gridTemplateColumns: 'max-content minmax(0, 1fr)',
            gap: 'var(--ui-space-1) var(--ui-space-3)',
            margin: 0,
          }}
        >
          <dt>{text.handlerAddress}</dt>
          <dd style={{ margin: 0 }}>
            <code style={{ overflowWrap: 'anywhere' }}>{urls.handler}</code>
          </dd>
          <dt>{text.installAddress}</dt>
          <dd style={{ margin: 0 }}>
            <code style={{ overflowWrap: 'anywhere' }}>{urls.install}</code>
          </dd>
          <dt>{text.scopes}</dt>
          <dd style={{ margin: 0 }}>
            <code>{SCOPES.join(', ')}</code>
          </dd>
        </dl>
      </Panel>
      <Panel title={text.outsideTryTitle}>
        <p style={{ margin: 0 }}>{text.outsideTryText}</p>
      </Panel>
    </main>
  );
}
