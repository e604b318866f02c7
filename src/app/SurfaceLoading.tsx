import { commonMessages, useMessages } from '../i18n';
import { Skeleton } from '../ui';

/** While a surface's code or the frame start-up is on its way. */
export function SurfaceLoading() {
  const text = useMessages(commonMessages);
  return (
    <div
      role="status"
      aria-busy="true"
      aria-label={text.loading}
      style={{ padding: 'var(--ui-space-4)', display: 'grid', gap: 'var(--ui-space-2)' }}
    >
      <Skeleton width="45%" height={22} />
      <Skeleton width="70%" />
      <Skeleton height={8} />
    </div>
  );
}
