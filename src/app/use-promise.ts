import { useEffect, useState } from 'react';

export type Settled<T> =
  { status: 'pending' } | { status: 'fulfilled'; value: T } | { status: 'rejected'; error: unknown };

const settledPromises = new WeakMap<Promise<unknown>, Settled<unknown>>();

/**
 * The state of a long-lived promise (frame start-up, a surface's code), without Suspense: React
 * holds back a Suspense reveal for up to 300 ms, which the tab's first content should not wait.
 * A promise that already settled renders at once (StrictMode's second mount, re-renders).
 */
export function usePromise<T>(promise: Promise<T>): Settled<T> {
  const [, setVersion] = useState(0);
  const known = settledPromises.get(promise) as Settled<T> | undefined;

  useEffect(() => {
    if (settledPromises.has(promise)) return;
    let live = true;
    promise.then(
      (value) => {
        settledPromises.set(promise, { status: 'fulfilled', value });
        if (live) setVersion((version) => version + 1);
      },
      (error: unknown) => {
        settledPromises.set(promise, { status: 'rejected', error });
        if (live) setVersion((version) => version + 1);
      },
    );
    return () => {
      live = false;
    };
  }, [promise]);

  return known ?? { status: 'pending' };
}
