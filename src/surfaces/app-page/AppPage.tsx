import { useBitrix } from '../../bitrix';
import { useMessages } from '../../i18n';
import { usePlacementState } from '../../queries/placement-settings';
import { Alert, QueryView, Skeleton } from '../../ui';
import { FirstRunInstall } from './FirstRunInstall';
import { appPageMessages } from './messages';
import { PlacementSettings } from './PlacementSettings';

/** The app's own page: the install on first run, the placement settings afterwards; admins only. */
export function AppPage() {
  const boundary = useBitrix();
  const text = useMessages(appPageMessages);
  const isAdmin = boundary.session.isAdmin;
  const state = usePlacementState({ enabled: isAdmin });

  if (!isAdmin) {
    return (
      <div className="st-surface st-surface--embedded ap">
        <h1 className="st-title">{text.title}</h1>
        <p>{text.intro}</p>
        <Alert tone="info" title={text.notAdminTitle}>
          {text.notAdminText}
        </Alert>
      </div>
    );
  }
  return (
    <QueryView
      query={state}
      className="st-surface st-surface--embedded ap"
      loadingLabel={text.loadingLabel}
      skeleton={
        <>
          <Skeleton width="40%" height={22} />
          <Skeleton height={120} />
        </>
      }
      failure={text.loadFailed}
    >
      {(data) => (data.installed ? <PlacementSettings state={data} /> : <FirstRunInstall state={data} />)}
    </QueryView>
  );
}
