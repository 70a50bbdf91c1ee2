import { Alert, Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { PanelEventView } from '@shared/panels';
import { IconDownload, IconEyeOff } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { usePanel } from '../../api/panels';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/dates';
import { EntryForm } from './EntryForm';
import { Ranking } from './Ranking';
import { ScoreForm } from './ScoreForm';

function Entry({ event, e }: { event: PanelEventView; e: PanelEventView['entries'][number] }) {
  const t = useT();
  const [scoring, setScoring] = useState(false);
  return (
    <Card withBorder padding="sm" data-testid="panel-entry">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Stack gap={0}>
            <Text fw={700}>{e.team.name}</Text>
            <Text size="sm" c="dimmed">
              {e.team.schoolName}
            </Text>
          </Stack>
          {e.selected && <Badge color="green">{t('panels.selected')}</Badge>}
        </Group>
        <Text size="sm">{t('panels.presenters', { names: e.presenters.map((p) => p.fullName).join(', ') })}</Text>
        <Text size="xs" c="dimmed">
          {t('panels.submittedAt', { at: formatDateTime(e.submittedAt) })}
        </Text>
        <Stack gap={2}>
          {e.dossier.map((d) => (
            <Text size="sm" key={`${d.part}-${d.title}`}>
              {t(`panels.part.${d.part}`)}:{' '}
              {d.materialId ? (
                <AnchorLink to="/materials/$materialId" params={{ materialId: d.materialId }}>
                  {d.title}
                </AnchorLink>
              ) : (
                <Anchor href={d.url ?? '#'} target="_blank" rel="noopener">
                  {d.title}
                </Anchor>
              )}
            </Text>
          ))}
        </Stack>
        {e.myScore ? (
          <Text size="sm" fw={600} c="teal.8" data-testid="my-score">
            {t('panels.myScore', { total: e.myScore.total, max: event.rubric.maxTotal })}
          </Text>
        ) : (
          event.can.score &&
          (scoring ? (
            <ScoreForm event={event} entryId={e.id} onDone={() => setScoring(false)} />
          ) : (
            <Button size="md" variant="light" onClick={() => setScoring(true)} data-testid="score-open">
              {t('panels.scoreThis')}
            </Button>
          ))
        )}
      </Stack>
    </Card>
  );
}

/** One event: panel, entries with dossiers and videos, the member's score sheets, the ranking and the selection. */
export default function PanelPage() {
  const t = useT();
  const { eventId } = useParams({ strict: false }) as { eventId: string };
  const q = usePanel(eventId);
  return (
    <QueryState query={q}>
      {(e) => (
        <>
          <PageHeader
            title={e.title}
            subtitle={`${e.organiserOrg.name} · ${t('panels.eventOn', { date: formatDate(e.eventDate) })}${e.place ? ` · ${e.place}` : ''}`}
            actions={
              e.can.export && (
                <Button
                  component="a"
                  href={`/api/panels/${e.id}/results.docx`}
                  variant="default"
                  size="md"
                  leftSection={<IconDownload size={18} />}
                  data-testid="panel-docx"
                >
                  {t('panels.docx')}
                </Button>
              )
            }
          />
          <Text size="sm" mb="xs">
            {t('panels.deadlineAt', { at: formatDateTime(e.submissionDeadline) })} · {t('panels.selectN', { n: e.selectCount })}
          </Text>
          <Text size="sm" mb="sm">
            {t('panels.panelIs', {
              head: e.head.fullName,
              members: e.members
                .filter((m) => m.id !== e.head.id)
                .map((m) => m.fullName)
                .join(', '),
            })}
          </Text>
          {e.myProgress && (
            <Stack gap={4} mb="sm">
              <Text size="sm" fw={600} data-testid="my-progress">
                {t('panels.progress', { scored: e.myProgress.scored, total: e.myProgress.total })}
              </Text>
              <Progress value={e.myProgress.total ? (100 * e.myProgress.scored) / e.myProgress.total : 0} />
            </Stack>
          )}
          {e.myProgress && !e.can.seeRanking && (
            <Alert color="blue" icon={<IconEyeOff size={20} />} mb="sm" data-testid="scores-hidden">
              {t('panels.hiddenUntilDone')}
            </Alert>
          )}
          {e.can.submitEntry && <EntryForm key={e.id} event={e} />}
          <Section title={t('panels.entries')} testId="panel-entries">
            {e.entries.length === 0 ? (
              <Empty>{t('panels.noEntries')}</Empty>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                {e.entries.map((x) => (
                  <Entry key={x.id} event={e} e={x} />
                ))}
              </SimpleGrid>
            )}
          </Section>
          {e.ranking && <Ranking key={`${e.selectedAt}-${e.ranking.length}`} event={e} />}
        </>
      )}
    </QueryState>
  );
}
