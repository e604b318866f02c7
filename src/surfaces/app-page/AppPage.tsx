import { useBitrix } from '../../bitrix';
import { useErrorText, useMessages } from '../../i18n';
import { usePlacementState } from '../../queries/placement-settings';
import { Alert, RetryAlert, Skeleton } from '../../ui';
import { FirstRunInstall } from './FirstRunInstall';
import { appPageMessages } from './messages';
import { PlacementSettings } from './PlacementSettings';

/** The app's own page: the install on first run, the placement settings afterwards; admins only. */
export function AppPage() {
  const boundary = useBitrix();
  const text = useMessages(appPageMessages);
  const errorText = useErrorText();
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
  if (state.isPending) {
    return (
      <div className="st-surface st-surface--embedded ap" role="status" aria-busy="true" aria-label={text.loadingLabel}>
        <Skeleton width="40%" height={22} />
        <Skeleton height={120} />
      </div>
    );
  }
  if (state.isError) {
    return (
      <div className="st-surface st-surface--embedded ap">
        <RetryAlert title={text.loadFailed} onRetry={() => void state.refetch()} retrying={state.isFetching}>
          {errorText(state.error)}
        </RetryAlert>
      </div>
    );
  }
  return state.data.installed ? <PlacementSettings state={state.data} /> : <FirstRunInstall state={state.data} />;
}
