import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { DeskState, DeskStore } from '../store/desk-store.js';

const DeskContext = createContext<DeskStore | null>(null);

export function DeskProvider({ store, children }: { store: DeskStore; children: ReactNode }) {
  return <DeskContext.Provider value={store}>{children}</DeskContext.Provider>;
}

export function useDeskStore(): DeskStore {
  const store = useContext(DeskContext);
  if (!store) throw new Error('useDesk outside a DeskProvider');
  return store;
}

/** Subscribes a component to one slice of the desk. */
export function useDesk<T>(selector: (state: DeskState) => T): T {
  return useStore(useDeskStore(), selector);
}
