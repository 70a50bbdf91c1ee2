import { Badge, Group, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { LessonStudyView } from '@shared/lessonStudy';
import { IconCheck } from '@tabler/icons-react';
import { useT } from '../../i18n/context';

/** Where the study stands: the four steps, each with its output so far. */
export function StepIndicator({ study, compact = false }: { study: LessonStudyView; compact?: boolean }) {
  const t = useT();
  const revised = study.versions.some((v) => v.stage === 'revised');
  const analysed = Boolean(study.analysis.teacherShare || study.analysis.evidence || study.analysis.expertView);
  const outputs = [
    t('lessonStudy.versionsN', { n: study.versions.filter((v) => v.stage === 'design').length }),
    t('lessonStudy.sharedNotesN', { n: study.sharedNoteCount }),
    t(analysed ? 'lessonStudy.analysisDone' : 'lessonStudy.analysisTodo'),
    t(revised ? 'lessonStudy.revisedDone' : 'lessonStudy.revisedTodo'),
  ];
  // Step 4 counts as completed once the revised lesson plan exists.
  const active = study.step === 4 && revised ? 4 : study.step - 1;
  const phone = useMediaQuery('(max-width: 48em)');
  if (compact || phone) {
    return (
      <Stack gap={4} data-testid="lesson-steps" data-step={study.step}>
        {[1, 2, 3, 4].map((n) => (
          <Group key={n} gap={8} wrap="nowrap">
            <Badge
              circle
              size="lg"
              variant={n - 1 < active ? 'filled' : n - 1 === active ? 'light' : 'outline'}
              color={n - 1 < active ? 'blue' : 'gray'}
            >
              {n - 1 < active ? <IconCheck size={12} /> : n}
            </Badge>
            <Text size="sm" fw={n - 1 === active ? 700 : 400}>
              {t(`lessonStudy.step${n}` as 'lessonStudy.step1')}
              <Text span size="xs" c="dimmed">{` · ${outputs[n - 1]}`}</Text>
            </Text>
          </Group>
        ))}
      </Stack>
    );
  }
  return (
    <Stepper
      active={active}
      size="sm"
      allowNextStepsSelect={false}
      data-testid="lesson-steps"
      data-step={study.step}
      styles={{ steps: { flexWrap: 'wrap', rowGap: 8 } }}
    >
      {[1, 2, 3, 4].map((n) => (
        <Stepper.Step
          key={n}
          label={t(`lessonStudy.step${n}` as 'lessonStudy.step1')}
          description={`${outputs[n - 1]}`}
          data-testid={`lesson-step-${n}`}
        />
      ))}
    </Stepper>
  );
}
