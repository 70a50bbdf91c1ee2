import { Button, Checkbox, Group, Image, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReportDetail } from '@shared/reports';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useReportStep, useUpdateReport } from '../../api/reports';
import { InfoList } from '../../components/InfoList';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';

/** Paragraphs of a narrative, or a muted dash when empty. */
function Paragraphs({ text }: { text: string }) {
  if (!text.trim()) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={4}>
      {text.split(/\n+/).map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a text have no other identity
        <Text key={i} size="sm">
          {p}
        </Text>
      ))}
    </Stack>
  );
}

/** The typed parts of a report: number, I. advantages and difficulties, III. recommendations, chosen photos. */
export function ReportNarrative({ report: r }: { report: ReportDetail }) {
  const t = useT();
  const save = useUpdateReport(r.id);
  const [documentNumber, setNumber] = useState(r.documentNumber ?? '');
  const [advantages, setAdvantages] = useState(r.advantages);
  const [recommendations, setRecommendations] = useState(r.recommendations);
  const [photoIds, setPhotoIds] = useState<string[]>(r.photoIds);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const step = useReportStep(r.id);
  const [confirming, confirm] = useDisclosure(false);

  const photos = (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
      {r.photos
        .filter((p) => r.can.update || photoIds.includes(p.id))
        .map((p) => (
          <Stack key={p.id} gap={4}>
            <Image src={p.url} alt={p.fileName} radius="sm" h={90} fit="cover" />
            {r.can.update ? (
              <Checkbox
                size="sm"
                label={p.meetingTitle}
                checked={photoIds.includes(p.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setPhotoIds((ids) => (on ? [...ids, p.id] : ids.filter((x) => x !== p.id)));
                }}
              />
            ) : (
              <Text size="xs">{p.meetingTitle}</Text>
            )}
          </Stack>
        ))}
    </SimpleGrid>
  );

  if (!r.can.update) {
    return (
      <Section title={t('reports.narrative')} testId="report-narrative">
        <InfoList
          items={[
            { label: t('reports.advantages'), value: <Paragraphs text={r.advantages} /> },
            { label: t('reports.recommendations'), value: <Paragraphs text={r.recommendations} /> },
          ]}
        />
        {photoIds.length > 0 && photos}
      </Section>
    );
  }

  const values = { documentNumber, advantages, recommendations, photoIds };
  const submit = () =>
    save.mutate(values, { onSuccess: () => notifySuccess(t('reports.saved')), onError: (e) => showServerError(e, t, setErrors) });
  const saveAndSend = () =>
    save.mutate(values, {
      onSuccess: () =>
        step.mutate(
          { action: 'submit' },
          {
            onSuccess: () => {
              confirm.close();
              notifySuccess(t('reports.submitted', { reviewer: r.reviewerOrg.name }));
            },
            onError: (e) => {
              confirm.close();
              showServerError(e, t);
            },
          },
        ),
      onError: (e) => {
        confirm.close();
        showServerError(e, t, setErrors);
      },
    });

  return (
    <Section title={t('reports.narrative')} testId="report-narrative">
      <Stack>
        <TextInput
          label={t('reports.number')}
          description={t('reports.numberHint')}
          value={documentNumber}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={errors.documentNumber}
          maw={320}
          data-testid="report-number"
        />
        <Textarea
          label={t('reports.advantages')}
          autosize
          minRows={3}
          value={advantages}
          onChange={(e) => setAdvantages(e.currentTarget.value)}
          error={errors.advantages}
          data-testid="report-advantages"
        />
        <Textarea
          label={t('reports.recommendations')}
          autosize
          minRows={2}
          value={recommendations}
          onChange={(e) => setRecommendations(e.currentTarget.value)}
          error={errors.recommendations}
          data-testid="report-recommendations"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('reports.photos')}
          </Text>
          {r.photos.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('reports.noPhotos')}
            </Text>
          ) : (
            photos
          )}
          {errors.photoIds && (
            <Text size="sm" c="red">
              {errors.photoIds}
            </Text>
          )}
        </Stack>
        <Group>
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} onClick={submit} data-testid="report-save">
            {t('common.save')}
          </Button>
          {r.can.submit && (
            <Button variant="filled" color="blue" leftSection={<IconSend size={16} />} onClick={confirm.open} data-testid="report-submit">
              {t(r.status === 'returned' ? 'reports.resubmit' : 'reports.submit')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={confirm.close} title={t('reports.submit')}>
        <Text mb="md">{t('reports.submitConfirm', { reviewer: r.reviewerOrg.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={confirm.close}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending || step.isPending} onClick={saveAndSend} data-testid="report-submit-confirm">
            {t('reports.submit')}
          </Button>
        </Group>
      </Modal>
    </Section>
  );
}
