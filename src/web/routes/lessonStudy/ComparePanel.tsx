import { Alert, Box, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { DiffPart, LessonStudyView } from '@shared/lessonStudy';
import { useState } from 'react';
import { useCompare } from '../../api/lessonStudy';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';

const DEL = { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)', textDecoration: 'line-through' };
const ADD = { background: 'var(--mantine-color-green-1)', color: 'var(--mantine-color-green-9)', fontWeight: 600 };

/** One side of the comparison: the common words plus this side's own words, marked. */
function Side({ parts, side, title, testId }: { parts: DiffPart[]; side: 'del' | 'add'; title: string; testId: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text fw={700} size="sm" mb={6}>
        {title}
      </Text>
      <Box style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.6 }} fz="sm">
        {parts
          .filter((p) => p.op === 'same' || p.op === side)
          .map((p, i) =>
            p.op === 'same' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence
              <span key={i}>{p.text}</span>
            ) : p.op === 'del' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence
              <del key={i} style={DEL} data-testid="diff-del">
                {p.text}
              </del>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed sequence
              <ins key={i} style={{ ...ADD, textDecoration: 'none' }} data-testid="diff-add">
                {p.text}
              </ins>
            ),
          )}
      </Box>
    </Paper>
  );
}

/** Side-by-side comparison of two lesson-plan versions (default: the first and the latest), differences marked. */
export function ComparePanel({ study }: { study: LessonStudyView }) {
  const t = useT();
  const vs = study.versions;
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const q = useCompare(study.meetingId, { from: from ?? undefined, to: to ?? undefined }, vs.length >= 2);
  const options = vs.map((v) => ({
    value: v.id,
    label: `${t('lessonStudy.version', { n: v.version })} · ${t(`lessonStudy.stage.${v.stage}`)}`,
  }));
  const name = (id: string | undefined) => options.find((o) => o.value === id)?.label ?? '';
  return (
    <Section title={t('lessonStudy.compare')} testId="lesson-compare">
      {vs.length < 2 ? (
        <Text size="sm" c="dimmed">
          {t('lessonStudy.compareNeedTwo')}
        </Text>
      ) : (
        <QueryState query={q}>
          {(c) => (
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <Select
                  label={t('lessonStudy.compareFrom')}
                  data={options}
                  value={c.from?.id ?? null}
                  onChange={setFrom}
                  allowDeselect={false}
                />
                <Select label={t('lessonStudy.compareTo')} data={options} value={c.to?.id ?? null} onChange={setTo} allowDeselect={false} />
              </SimpleGrid>
              {!c.comparable ? (
                <Alert color="gray">{t('lessonStudy.compareFile')}</Alert>
              ) : (
                <>
                  <Text size="xs" c="dimmed">
                    {t('lessonStudy.legend')}{' '}
                    {t('lessonStudy.changes', {
                      del: c.parts.filter((p) => p.op === 'del').length,
                      add: c.parts.filter((p) => p.op === 'add').length,
                    })}
                  </Text>
                  <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                    <Side parts={c.parts} side="del" title={name(c.from?.id)} testId="compare-from" />
                    <Side parts={c.parts} side="add" title={name(c.to?.id)} testId="compare-to" />
                  </SimpleGrid>
                </>
              )}
            </Stack>
          )}
        </QueryState>
      )}
    </Section>
  );
}
