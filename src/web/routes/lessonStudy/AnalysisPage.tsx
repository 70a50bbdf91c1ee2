import { Alert, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { type AnalysisView, type LessonStudyView, seatLabel } from '@shared/lessonStudy';
import { IconDeviceFloppy, IconFileImport } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useLessonStudy, useObservationAnalysis, useStudyAction } from '../../api/lessonStudy';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';
import { NoteCard } from './NoteCard';
import { SeatMap } from './SeatMap';

function Timeline({ a }: { a: AnalysisView }) {
  const t = useT();
  const [seat, setSeat] = useState<string | null>(null);
  const notes = seat ? a.notes.filter((n) => n.seat === seat) : a.notes;
  return (
    <SimpleGrid cols={{ base: 1, md: a.layout ? 2 : 1 }} spacing="md">
      {a.layout && (
        <Box style={{ alignSelf: 'start' }}>
          <Section title={t('observations.seatMap')} testId="analysis-map">
            <SeatMap layout={a.layout} selected={seat} onSelect={setSeat} counts={a.seatCounts} />
          </Section>
        </Box>
      )}
      <Section title={t('observations.timeline', { n: a.notes.length })} testId="analysis-timeline">
        <Stack gap="xs">
          {seat && (
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t('observations.seatFilter', { seat: seatLabel(a.layout, seat) })}
              </Text>
              <Button size="compact-sm" variant="subtle" onClick={() => setSeat(null)}>
                {t('observations.showAll')}
              </Button>
            </Group>
          )}
          {notes.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('observations.noShared')}
            </Text>
          )}
          {notes.map((n) => (
            <NoteCard key={n.id} note={n} layout={a.layout} />
          ))}
        </Stack>
      </Section>
    </SimpleGrid>
  );
}

function Discussion({ study }: { study: LessonStudyView }) {
  const t = useT();
  const act = useStudyAction(study.meetingId);
  const [v, setV] = useState(study.analysis);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const stages = [
    {
      key: 'teacherShare',
      label: t('observations.stage1'),
      hint: study.teacherName ? `${study.teacherName}. ${t('observations.stage1.hint')}` : t('observations.stage1.hint'),
    },
    { key: 'evidence', label: t('observations.stage2'), hint: t('observations.stage2.hint') },
    { key: 'expertView', label: t('observations.stage3'), hint: t('observations.stage3.hint') },
  ] as const;
  const dirty = JSON.stringify(v) !== JSON.stringify(study.analysis);
  const save = () =>
    act.mutate(
      { kind: 'analysis', body: v },
      {
        onSuccess: () => notifySuccess(t('observations.analysisSaved')),
        onError: (e) => {
          setErrors(serverFieldErrors(e));
          showServerError(e, t);
        },
      },
    );
  const toMinutes = () =>
    act.mutate(
      { kind: 'toMinutes' },
      { onSuccess: () => notifySuccess(t('observations.toMinutesDone')), onError: (e) => showServerError(e, t) },
    );
  return (
    <Section title={t('observations.discussion')} testId="analysis-discussion">
      <Stack gap="sm">
        {stages.map((s) => (
          <Textarea
            key={s.key}
            label={s.label}
            description={s.hint}
            autosize
            minRows={3}
            readOnly={!study.can.organise}
            value={v[s.key]}
            error={errors[s.key]}
            onChange={(e) => setV({ ...v, [s.key]: e.currentTarget.value })}
            data-testid={`analysis-${s.key}`}
          />
        ))}
        {study.minutesLocked && <Alert color="gray">{t('observations.minutesLocked')}</Alert>}
        <Group gap="xs">
          {study.can.organise && (
            <Button
              leftSection={<IconDeviceFloppy size={18} />}
              onClick={save}
              loading={act.isPending}
              disabled={!dirty}
              data-testid="analysis-save"
            >
              {t('observations.saveAnalysis')}
            </Button>
          )}
          {study.can.toMinutes && (
            <Button
              variant="light"
              leftSection={<IconFileImport size={18} />}
              onClick={toMinutes}
              disabled={dirty || act.isPending}
              data-testid="analysis-to-minutes"
            >
              {t('observations.toMinutes')}
            </Button>
          )}
          <ButtonLink to="/meetings/$meetingId/minutes" params={{ meetingId: study.meetingId }} variant="default">
            {t('observations.openMinutes')}
          </ButtonLink>
        </Group>
      </Stack>
    </Section>
  );
}

/** Post-lesson analysis: every shared note on one timeline and on the seating map, then the guided discussion. */
export default function AnalysisPage() {
  const t = useT();
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const study = useLessonStudy(meetingId);
  const analysis = useObservationAnalysis(meetingId);
  return (
    <QueryState query={study}>
      {(s) => (
        <>
          <PageHeader
            title={t('observations.analysisTitle')}
            subtitle={s.title}
            actions={
              <ButtonLink to="/meetings/$meetingId/lesson-study" params={{ meetingId }} variant="default" size="xs">
                {t('lessonStudy.title')}
              </ButtonLink>
            }
          />
          <Stack gap="md">
            <QueryState query={analysis}>{(a) => <Timeline a={a} />}</QueryState>
            <Paper>
              <Discussion study={s} key={s.analysis.teacherShare + s.analysis.evidence + s.analysis.expertView} />
            </Paper>
          </Stack>
        </>
      )}
    </QueryState>
  );
}
