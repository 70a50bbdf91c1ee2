import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ImportJob } from '@shared/types';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useI18n } from '../../i18n/context';

const MAX_SHOWN = 500;

/** Formats a count the way the UI language writes numbers (10.000 in Vietnamese). */
function useCount() {
  const { lang } = useI18n();
  return (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');
}

/** The processing bar of a running job: "Đã kiểm tra 3.500/10.000 dòng", then the writing phase. */
export function ImportProgress({ job }: { job: ImportJob | undefined }) {
  const { t } = useI18n();
  const count = useCount();
  const total = job?.total ?? 0;
  const processed = job?.processed ?? 0;
  const percent = total > 0 ? Math.round((processed / total) * 100) : 0;
  const vars = { processed: count(processed), total: count(total) };
  const label =
    !job || job.status === 'pending'
      ? t('imports.pending')
      : job.status === 'importing'
        ? t('imports.importing', vars)
        : t('imports.validating', vars);
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm" data-testid="import-progress-label">
        {label}
      </Text>
      <Progress value={percent} animated color={job?.status === 'importing' ? 'teal' : undefined} aria-label={label} />
    </Stack>
  );
}

/** The errors of a failed job as a table (Dòng, Cột, Lỗi), with the hint to fix the file and import again. */
export function ImportErrors({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const count = useCount();
  const shown = job.errors.slice(0, MAX_SHOWN);
  return (
    <Stack gap="sm" data-testid="import-errors">
      <Alert color="red" icon={<IconAlertTriangle size={20} />} title={t('imports.failedTitle')}>
        {t('imports.failedHint', { count: count(job.errors.length) })}
      </Alert>
      {job.errors.length > MAX_SHOWN && (
        <Text size="sm" c="dimmed">
          {t('imports.moreErrors', { shown: count(MAX_SHOWN), count: count(job.errors.length) })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={340} maxHeight={480}>
        <Table striped withTableBorder stickyHeader verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('imports.colRow')}</Table.Th>
              <Table.Th w={96}>{t('imports.colColumn')}</Table.Th>
              <Table.Th>{t('imports.colMessage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={`${e.row}|${e.field}|${e.message}`}>
                <Table.Td>{e.row > 0 ? e.row : ''}</Table.Td>
                <Table.Td>{e.field ?? ''}</Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{stripPrefix(e.message)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The row and column are in their own cells: the message is shown without its "Dòng 7, cột «Email»: " prefix. */
function stripPrefix(message: string): string {
  return message.replace(/^Dòng \d+, cột «[^»]*»: /, '');
}

/** The summary of a finished job: created, updated, unchanged. */
export function ImportSummary({ job }: { job: ImportJob }) {
  const { t } = useI18n();
  const count = useCount();
  const s = job.summary ?? { created: 0, updated: 0, unchanged: 0 };
  const items = [
    { key: 'created', label: t('imports.created'), value: s.created, color: 'teal' },
    { key: 'updated', label: t('imports.updated'), value: s.updated, color: 'blue' },
    { key: 'unchanged', label: t('imports.unchanged'), value: s.unchanged, color: 'gray' },
  ];
  return (
    <Stack gap="sm" data-testid="import-summary">
      <Alert
        color="teal"
        icon={<IconCircleCheck size={20} />}
        title={t('imports.doneTitle', { total: count(job.total), file: job.fileName })}
      />
      <SimpleGrid cols={{ base: 3 }} spacing="xs">
        {items.map((it) => (
          <Paper key={it.label} withBorder p="sm" radius="md">
            <Group gap={4} justify="center" wrap="wrap">
              <Stack gap={0} align="center">
                <Text fw={700} fz="xl" c={it.color} data-testid={`import-count-${it.key}`}>
                  {count(it.value)}
                </Text>
                <Text size="xs" c="dimmed" ta="center">
                  {it.label}
                </Text>
              </Stack>
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
