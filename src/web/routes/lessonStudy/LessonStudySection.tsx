import { Group, Text } from '@mantine/core';
import { IconChartDots, IconClipboardList, IconSchool } from '@tabler/icons-react';
import { useLessonStudy } from '../../api/lessonStudy';
import { ButtonLink } from '../../components/links';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { StepIndicator } from './StepIndicator';

/** On a lesson-study meeting's page: where the study stands and links to its pages (nothing for those outside the group). */
export function LessonStudySection({ meetingId }: { meetingId: string }) {
  const t = useT();
  const q = useLessonStudy(meetingId);
  if (!q.data) return null;
  const s = q.data;
  return (
    <Section title={t('lessonStudy.section')} testId="meeting-lesson-study">
      <Text size="sm" fw={600} mb="xs">
        {t('lessonStudy.stepOf', { step: s.step, name: t(`lessonStudy.step${s.step}` as 'lessonStudy.step1') })}
      </Text>
      <StepIndicator study={s} compact />
      <Group gap="xs" mt="sm">
        <ButtonLink
          to="/meetings/$meetingId/lesson-study"
          params={{ meetingId }}
          leftSection={<IconSchool size={16} />}
          data-testid="open-lesson-study"
        >
          {t('lessonStudy.open')}
        </ButtonLink>
        <ButtonLink to="/meetings/$meetingId/observe" params={{ meetingId }} variant="light" leftSection={<IconClipboardList size={16} />}>
          {t('lessonStudy.observe')}
        </ButtonLink>
        <ButtonLink to="/meetings/$meetingId/analysis" params={{ meetingId }} variant="light" leftSection={<IconChartDots size={16} />}>
          {t('lessonStudy.analysis')}
        </ButtonLink>
      </Group>
    </Section>
  );
}
