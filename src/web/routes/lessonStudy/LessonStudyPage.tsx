import { Button, Group, Stack, Text } from '@mantine/core';
import type { LessonStudyView } from '@shared/lessonStudy';
import { IconArrowLeft, IconArrowRight, IconChartDots, IconClipboardList } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useLessonStudy, useStudyAction } from '../../api/lessonStudy';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';
import { ComparePanel } from './ComparePanel';
import { StepIndicator } from './StepIndicator';
import { Versions } from './Versions';

function Study({ s }: { s: LessonStudyView }) {
  const t = useT();
  const act = useStudyAction(s.meetingId);
  const go = (step: number) =>
    act.mutate(
      { kind: 'step', step },
      { onSuccess: () => notifySuccess(t('lessonStudy.stepChanged', { step })), onError: (e) => showServerError(e, t) },
    );
  return (
    <Stack gap="md">
      <Section
        title={t('lessonStudy.stepOf', { step: s.step, name: t(`lessonStudy.step${s.step}` as 'lessonStudy.step1') })}
        testId="lesson-progress"
      >
        <Stack gap="sm">
          <StepIndicator study={s} />
          <Text size="sm" c="dimmed">
            {t(`lessonStudy.step${s.step}.desc` as 'lessonStudy.step1.desc')}
            {s.teacherName && ` · ${t('lessonStudy.teacher')}: ${s.teacherName}`}
          </Text>
          <Group gap="xs">
            {s.can.organise && s.step > 1 && (
              <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => go(s.step - 1)} loading={act.isPending}>
                {t('lessonStudy.backStep', { step: s.step - 1 })}
              </Button>
            )}
            {s.can.organise && s.step < 4 && (
              <Button
                rightSection={<IconArrowRight size={16} />}
                onClick={() => go(s.step + 1)}
                loading={act.isPending}
                data-testid="step-next"
              >
                {t('lessonStudy.goStep', { step: s.step + 1 })}
              </Button>
            )}
            <ButtonLink
              to="/meetings/$meetingId/observe"
              params={{ meetingId: s.meetingId }}
              variant="light"
              leftSection={<IconClipboardList size={16} />}
            >
              {t('lessonStudy.observe')}
            </ButtonLink>
            <ButtonLink
              to="/meetings/$meetingId/analysis"
              params={{ meetingId: s.meetingId }}
              variant="light"
              leftSection={<IconChartDots size={16} />}
            >
              {t('lessonStudy.analysis')}
            </ButtonLink>
          </Group>
        </Stack>
      </Section>
      {s.step >= 4 && <ComparePanel study={s} />}
      <Versions study={s} />
      {s.step < 4 && s.versions.length >= 2 && <ComparePanel study={s} />}
    </Stack>
  );
}

/** A lesson study: its four steps, the lesson-plan versions with comments, and the comparison of first and revised. */
export default function LessonStudyPage() {
  const t = useT();
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const q = useLessonStudy(meetingId);
  return (
    <QueryState query={q}>
      {(s) => (
        <>
          <PageHeader
            title={s.title}
            subtitle={t('lessonStudy.title')}
            actions={
              <ButtonLink to="/meetings/$meetingId" params={{ meetingId }} variant="default" size="xs">
                {t('lessonStudy.back')}
              </ButtonLink>
            }
          />
          <Study s={s} />
        </>
      )}
    </QueryState>
  );
}
