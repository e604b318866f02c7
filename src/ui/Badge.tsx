import type { CSSProperties, ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'alert' | 'warning';

export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`st-badge${tone === 'neutral' ? '' : ` st-badge--${tone}`}`} title={title}>
      {children}
    </span>
  );
}

/** A stage as a coloured pill. `color` must already be a safe CSS colour (domain/stages safeColor). */
export function StagePill({ name, color }: { name: string; color: string | null }) {
  const style = color ? ({ '--st-stage-color': color } as CSSProperties) : undefined;
  return (
    <span className="st-badge st-stage-pill" style={style}>
      {name}
    </span>
  );
}
