import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useBitrix } from '../../bitrix';
import { finishAndConfirmInstall } from '../../domain/install/synchronise';
import { useErrorText, useI18n, useMessages } from '../../i18n';
import { setInstalled, type PlacementState } from '../../queries/placement-settings';
import { isAppInstalled } from '../../queries/placement-sync-ports';
import { Alert, Button, Panel } from '../../ui';
import { appPageMessages } from './messages';
import { OtherSyncProblems, RowProblems } from './SyncProblems';
import { SyncProgress } from './SyncProgress';
import { sleep, usePlacementSync } from './use-placement-sync';

type Phase = 'binding' | 'failed' | 'finishing' | 'done' | 'not-confirmed';

/**
 * The app page's first run: every default surface is bound on every smart process (batched),
 * then the install is finished and confirmed through app.info. No clicks needed.
 */
export function FirstRunInstall({ state }: { state: PlacementState }) {
  const boundary = useBitrix();
  const queryClient = useQueryClient();
  const { locale } = useI18n();
  const text = useMessages(appPageMessages);
  const errorText = useErrorText();
  const { sync, progress, report, error } = usePlacementSync();
  const [phase, setPhase] = useState<Phase>('binding');
  const started = useRef(false);

  const finish = async () => {
    setPhase('finishing');
    const confirmed = await finishAndConfirmInstall({
      isInstalled: () => isAppInstalled(boundary),
      // The portal answers by reloading the page (or not at all): confirmation comes from app.info.
      finishInstall: () => void boundary.finishInstall().catch(() => undefined),
      sleep,
    }).catch(() => false);
    if (confirmed) setInstalled(queryClient, true);
    setPhase(confirmed ? 'done' : 'not-confirmed');
  };

  const install = async () => {
    setPhase('binding');
    const result = await sync(state.choices);
    if (!result || result.failed.length > 0) {
      setPhase('failed');
      return;
    }
    await finish();
  };

  useEffect(() => {
    // Once per page, also under StrictMode's double effects.
    if (started.current) return;
    started.current = true;
    void install();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const count = state.smartProcesses.length;
  return (
    <div className="st-surface st-surface--embedded ap">
      <Panel title={text.installTitle}>
        <p>{count === 0 ? text.installNoSmartProcesses : text.installIntro(count, locale)}</p>
        {phase === 'binding' && progress && <SyncProgress progress={progress} />}
        {phase === 'finishing' && <p role="status">{text.installFinishing}</p>}
        {phase === 'done' && <Alert tone="success">{text.installDone}</Alert>}
        {phase === 'not-confirmed' && <Alert tone="warning">{text.installNotConfirmed}</Alert>}
        {phase === 'failed' && (
          <Alert
            tone="danger"
            title={text.installFailed}
            actions={
              <>
                <Button variant="primary" onClick={() => void install()}>
                  {text.installRetry}
                </Button>
                <Button onClick={() => void finish()}>{text.installAnyway}</Button>
              </>
            }
          >
            {error && errorText(error)}
            {report && (
              <>
                {state.smartProcesses.map((process) => {
                  const failed = report.failed.filter((entry) => entry.command.entityTypeId === process.entityTypeId);
                  return failed.length === 0 ? null : (
                    <div key={process.entityTypeId}>
                      <strong>{process.title}</strong>
                      <RowProblems failed={failed} />
                    </div>
                  );
                })}
                <OtherSyncProblems failed={report.failed} smartProcesses={report.smartProcesses} />
              </>
            )}
          </Alert>
        )}
      </Panel>
    </div>
  );
}
