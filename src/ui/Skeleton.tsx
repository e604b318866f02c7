import type { CSSProperties } from 'react';

/** A placeholder block while content loads; the region around it says it is busy. */
export function Skeleton({
  width = '100%',
  height = 14,
  radius,
  style,
}: {
  width?: number | string;
  height?: number | string;
  radius?: number;
  style?: CSSProperties;
}) {
  return <span className="st-skeleton" aria-hidden="true" style={{ width, height, borderRadius: radius, ...style }} />;
}
