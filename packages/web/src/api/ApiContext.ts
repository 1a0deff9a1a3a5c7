import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { Api } from './client.js';

// One client for the app, made by the AuthProvider (it carries the session's token); a context
// so a page can be rendered against another API (a test double or a different base URL).
// Plain .ts (no JSX), so that the hooks importing it are also checked by the root tsconfig.
const ApiContext = createContext<Api | undefined>(undefined);

export function ApiProvider({ client, children }: { client: Api; children: ReactNode }) {
  return createElement(ApiContext.Provider, { value: client }, children);
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider>');
  return api;
}
