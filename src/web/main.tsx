// Mantine's styles are added per component by the build (scripts/mantineCss.ts), each with the code that uses it.
import './app.css';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { useI18n } from './i18n/context';
import { I18nProvider } from './i18n/I18nProvider';
import { prefetchMe, queryClient } from './queryClient';
import { router, startEarly } from './router';
import { cssVariablesResolver, theme } from './theme';

// Every page (the log-in page too) needs to know who is logged in: ask now, in parallel with loading the page's code.
prefetchMe();
startEarly(window.location.pathname);

function LocalizedApp() {
  const { lang } = useI18n();
  return (
    <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
      <Notifications position="top-center" />
      <RouterProvider router={router} />
    </DatesProvider>
  );
}

/** Renders the app into #root. */
function start(root: HTMLElement): void {
  const reactRoot = createRoot(root);
  // A transition: React renders the first screen in small slices instead of one long task that blocks input.
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
          <QueryClientProvider client={queryClient}>
            <I18nProvider>
              <LocalizedApp />
            </I18nProvider>
          </QueryClientProvider>
        </MantineProvider>
      </StrictMode>,
    ),
  );
}

const root = document.getElementById('root');
if (root) start(root);
