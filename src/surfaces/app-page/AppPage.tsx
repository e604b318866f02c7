import { useBitrix } from '../../bitrix';
import { useMessages } from '../../i18n';
import { usePlacementState } from '../../queries/placement-settings';
import { QueryView, Skeleton } from '../../ui';
import { FirstRunInstall } from './FirstRunInstall';
import { appPageMessages } from './messages';
import { PlacementSettings } from './PlacementSettings';
import { StagePlaybooks } from './StagePlaybooks';
import { UserGuide } from './UserGuide';

/** The app's own page: the install on first run, the placement settings afterwards (admins); for other users, where the app lives. */
export function AppPage() {
  const boundary = useBitrix();
  const text = useMessages(appPageMessages);
  const isAdmin = boundary.session.isAdmin;
  const state = usePlacementState({ enabled: isAdmin });

  if (!isAdmin) return <UserGuide />;
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
      {(data) =>
        data.installed ? (
          <>
            <PlacementSettings state={data} />
            <StagePlaybooks smartProcesses={data.smartProcesses} />
          </>
        ) : (
          <FirstRunInstall state={data} />
        )
      }
    </QueryView>
  );
}
