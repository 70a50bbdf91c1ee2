import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { usePanels } from '../../api/panels';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/dates';
import { CreatePanelModal } from './CreatePanelModal';

/** "Hội thi, tổ điều hành": the events the user takes part in or may read; office staff create them. */
export default function PanelsPage() {
  const t = useT();
  const me = useMe();
  const list = usePanels();
  const [creating, setCreating] = useState(false);
  const office = me.data?.isAdmin || me.data?.positions.some((p) => p.position === 'office_leader' || p.position === 'specialist');
  return (
    <>
      <PageHeader
        title={t('panels.title')}
        subtitle={t('panels.subtitle')}
        actions={
          office && (
            <Button size="md" leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)} data-testid="panel-create-open">
              {t('panels.create')}
            </Button>
          )
        }
      />
      <QueryState query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('panels.none')}</Empty>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {rows.map((e) => (
                <Card key={e.id} withBorder padding="sm" data-testid="panel-card">
                  <Stack gap={4}>
                    <AnchorLink to="/panels/$eventId" params={{ eventId: e.id }} fw={600} data-testid="panel-link">
                      {e.title}
                    </AnchorLink>
                    <Group gap={6}>
                      <Badge variant="light">{t(`panels.role.${e.role}`)}</Badge>
                      <Badge variant="outline" color="gray">
                        {t('panels.entryCount', { n: e.entryCount })}
                      </Badge>
                    </Group>
                    <Text size="sm" c="dimmed">
                      {e.organiserOrgName} · {t('panels.eventOn', { date: formatDate(e.eventDate) })} ·{' '}
                      {t('panels.deadlineAt', { at: formatDateTime(e.submissionDeadline) })}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
      <CreatePanelModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
