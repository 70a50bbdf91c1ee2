import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { type ReactNode, useDeferredValue } from 'react';
import { ApiError } from '../api/client';
import { useT } from '../i18n/context';
import { errorMessage } from '../lib/formErrors';

/** A centred spinner with "Đang tải…". */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text c="dimmed" size="sm">
          {label ?? t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** Shows an API error: "no permission" for 403, "not found" for 404, else the server's message. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 403) return <Forbidden message={errorMessage(error, t)} />;
  const title = status === 404 ? t('error.recordNotFound') : t('error.title');
  return (
    <Alert color="red" icon={<IconAlertCircle size={20} />} title={title}>
      <Stack gap="xs" align="flex-start">
        {status !== 404 && <Text size="sm">{errorMessage(error, t)}</Text>}
        {onRetry && (
          <Button size="xs" variant="light" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** "Bạn không có quyền…" */
export function Forbidden({ message }: { message?: string }) {
  const t = useT();
  return (
    <Alert color="orange" icon={<IconLock size={20} />} title={t('error.forbiddenTitle')} data-testid="forbidden">
      {message || t('error.forbidden')}
    </Alert>
  );
}

/**
 * Renders loading, error or the content of a query. When the first answer arrives (or is already there when the page
 * mounts), the content is rendered through `useDeferredValue`: React builds the page in small interruptible slices
 * while the spinner stays, instead of in one long task. Later answers (refetches) show at once.
 */
export function QueryState<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  // `false` at first: also when the answer is already in the cache as the page mounts (started with the route's
  // code), the page is then built in a background render rather than inside the update that mounted it.
  const arrived = useDeferredValue(query.data !== undefined, false);
  if (query.data !== undefined) return arrived ? children(query.data) : <Loading />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return <Loading />;
}

/** A muted line for empty lists. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Text c="dimmed" size="sm" py="sm">
      {children}
    </Text>
  );
}

/** An edit page's shell: loads the record, then shows the form when `can.update`, else the "not allowed" page. */
export function EditGate<T extends { can: { update: boolean } }>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  return <QueryState query={query}>{(data) => (data.can.update ? children(data) : <Forbidden />)}</QueryState>;
}
