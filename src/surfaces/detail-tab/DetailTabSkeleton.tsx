import { Skeleton } from '../../ui';

/** The tab's shape while its one batch is on its way. */
export function DetailTabSkeleton() {
  return (
    <>
      <div className="st-panel">
        <Skeleton width="55%" height={24} />
        <div style={{ display: 'flex', gap: 8, margin: '12px 0' }}>
          <Skeleton width={90} height={20} radius={999} />
          <Skeleton width={120} height={20} />
        </div>
        <Skeleton height={8} radius={999} />
      </div>
      <div className="st-panel">
        <Skeleton width="30%" height={20} />
        {[0, 1, 2].map((row) => (
          <div key={row} style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 14 }}>
            <Skeleton width={28} height={28} radius={999} />
            <Skeleton width="60%" />
            <Skeleton width={70} />
          </div>
        ))}
      </div>
    </>
  );
}
