import { Button, Group, Text } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useT } from '../../i18n/context';

/** Mẫu 1 (the network's schedule for a term) as DOCX, XLSX and a print view. */
export function ScheduleDownloads({ networkId }: { networkId: string }) {
  const t = useT();
  const url = (format: 'docx' | 'xlsx' | 'html', term: 1 | 2) => `/api/exports/schedule.${format}?networkId=${networkId}&term=${term}`;
  return (
    <Group gap="xs" data-testid="schedule-downloads">
      <Text size="sm" fw={600}>
        {t('exports.schedule')}
      </Text>
      {([1, 2] as const).map((term) => (
        <Group key={term} gap={4}>
          <Button component="a" href={url('docx', term)} size="xs" variant="default" leftSection={<IconDownload size={14} />}>
            {t('exports.termDocx', { n: term })}
          </Button>
          <Button component="a" href={url('xlsx', term)} size="xs" variant="default">
            XLSX
          </Button>
          <Button
            component="a"
            href={url('html', term)}
            target="_blank"
            size="xs"
            variant="subtle"
            aria-label={t('exports.print', { n: term })}
          >
            <IconPrinter size={16} />
          </Button>
        </Group>
      ))}
    </Group>
  );
}
