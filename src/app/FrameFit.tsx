import { useEffect, useRef, type ReactNode } from 'react';
import { useBitrix } from '../bitrix';

/**
 * Keeps the portal's iframe as tall as the content, growing and shrinking as it changes
 * (loading → content, "show all", a form opening). One resize per animation frame at most.
 */
export function FrameFit({ children }: { children: ReactNode }) {
  const boundary = useBitrix();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let frame = 0;
    let lastHeight = -1;
    const fit = () => {
      frame = 0;
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === lastHeight) return;
      lastHeight = height;
      boundary.fitFrameTo(element);
    };
    const observer = new ResizeObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(fit);
    });
    observer.observe(element);
    fit();
    return () => {
      observer.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [boundary]);

  return (
    <div ref={ref} className="st-frame">
      {children}
    </div>
  );
}
