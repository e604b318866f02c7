import { createContext, useContext, type ReactNode } from 'react';
import type { BitrixBoundary } from './boundary';

const BitrixContext = createContext<BitrixBoundary | null>(null);

/** Hands the tree its Bitrix24 boundary: the SDK's in the app, another implementation in tests. */
export function BitrixProvider({ boundary, children }: { boundary: BitrixBoundary; children: ReactNode }) {
  return <BitrixContext.Provider value={boundary}>{children}</BitrixContext.Provider>;
}

export function useBitrix(): BitrixBoundary {
  const boundary = useContext(BitrixContext);
  if (!boundary) throw new Error('useBitrix() outside <BitrixProvider>');
  return boundary;
}
