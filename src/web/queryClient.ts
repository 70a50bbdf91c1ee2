import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { fetchMe, meKey } from './api/auth';
import { ApiError } from './api/client';

/** A 401 from any call means the login session ended: forget the user so the layout sends them to /login. */
function onApiError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meKey, null);
}

/** The app's one query cache (also used by route loaders to start a page's main request with its code). */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

/** Asks who is logged in as soon as the app starts, while the page's code is still loading. */
export function prefetchMe(): void {
  void queryClient.prefetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}
