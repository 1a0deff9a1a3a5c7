import { createContext, useContext, type ReactNode } from 'react';
import { createApiClient, type ApiClient } from './client.js';

// One client for the app; a context so a page can be rendered against another API (a test double
// or a different base URL) without changing the page.
const ApiContext = createContext<ApiClient>(createApiClient());

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  return useContext(ApiContext);
}
