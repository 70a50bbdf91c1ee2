import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { meKey } from './api/auth';
import { ApiError } from './api/client';
import { useI18n } from './i18n/context';
import { I18nProvider } from './i18n/I18nProvider';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

/** A 401 from any call means the login session ended: forget the user so the layout sends them to /login. */
function onApiError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meKey, null);
}

const queryClient = new QueryClient({
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

function LocalizedApp() {
  const { lang } = useI18n();
  return (
    <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
      <Notifications position="top-center" />
      <RouterProvider router={router} />
    </DatesProvider>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>
          <I18nProvider>
            <LocalizedApp />
          </I18nProvider>
        </QueryClientProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
