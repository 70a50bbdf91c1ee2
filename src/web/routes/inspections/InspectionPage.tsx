import { Anchor, Badge, Button, FileInput, Group, List, Select, Stack, Text } from '@mantine/core';
import { INSPECTION_DOCUMENT_KINDS, type InspectionView } from '@shared/inspections';
import { IconArrowLeft, IconDownload, IconUpload } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { useInspection, useUploadInspectionDocument } from '../../api/inspections';
import { InfoList } from '../../components/InfoList';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';
import { ChecklistForm } from './Checklist';
import { InspectionStatusBadge } from './InspectionBadges';

/** One inspection: when, who, the documents the unit sends 3 days before, and the checklist record. */
export default function InspectionPage() {
  const { inspectionId } = useParams({ from: '/app/inspections/$inspectionId' });
  const query = useInspection(inspectionId);
  return <QueryState query={query}>{(v) => <InspectionDetail v={v} />}</QueryState>;
}

function Documents({ v }: { v: InspectionView }) {
  const t = useT();
  const me = useMe();
  const upload = useUploadInspectionDocument(v.id, () => me.data?.csrfToken ?? null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<string | null>('timetable');
  const [error, setError] = useState<string | null>(null);
  const send = () =>
    file &&
    upload.mutate(
      { file, kind: kind ?? 'timetable' },
      {
        onSuccess: () => {
          notifySuccess(t('inspections.uploaded'));
          setFile(null);
          setError(null);
        },
        onError: (e) => showServerError(e, t, (f) => setError(f.file ?? null)),
      },
    );
  return (
    <Stack gap="sm">
      <Text size="sm">{t('inspections.documentsHint', { date: formatDate(v.documentsDueDate) })}</Text>
      {v.documents.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('inspections.noDocuments')}
        </Text>
      ) : (
        <List spacing={4}>
          {v.documents.map((d) => (
            <List.Item key={d.id}>
              <Anchor href={`/api/inspection-documents/${d.id}`} download>
                {d.fileName}
              </Anchor>{' '}
              <Badge variant="light" size="sm">
                {t(`inspections.kind.${d.kind}`)}
              </Badge>
            </List.Item>
          ))}
        </List>
      )}
      {v.can.upload && (
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t('inspections.documentKind')}
            data={INSPECTION_DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`inspections.kind.${k}`) }))}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            size="md"
            style={{ flex: '1 1 10rem' }}
          />
          <FileInput
            label={t('inspections.file')}
            value={file}
            onChange={setFile}
            accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"
            error={error}
            size="md"
            style={{ flex: '2 1 14rem' }}
            data-testid="inspection-file"
          />
          <Button leftSection={<IconUpload size={16} />} disabled={!file} loading={upload.isPending} onClick={send} size="md">
            {t('inspections.upload')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function InspectionDetail({ v }: { v: InspectionView }) {
  const t = useT();
  return (
    <>
      <PageHeader
        above={
          <AnchorLink to="/inspections" size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} />
              {t('inspections.back')}
            </Group>
          </AnchorLink>
        }
        title={v.targetName}
        subtitle={`${t('inspections.visitDate')}: ${formatDate(v.visitDate)}`}
        actions={
          <Anchor href={`/api/inspections/${v.id}/record.docx`} download data-testid="inspection-record-docx">
            <Group gap={4}>
              <IconDownload size={16} />
              {t('inspections.recordDocx')}
            </Group>
          </Anchor>
        }
      />
      <Stack gap="lg">
        <InfoList
          items={[
            { label: t('inspections.status'), value: <InspectionStatusBadge status={v.status} overdue={v.overdue} /> },
            { label: t('inspections.documentsDue'), value: formatDate(v.documentsDueDate) },
            { label: t('inspections.areaPick'), value: v.areaLabel ?? '—' },
            { label: t('inspections.inspectors'), value: v.inspectors.join('; ') },
          ]}
        />
        <Section title={t('inspections.documents')}>
          <Documents v={v} />
        </Section>
        <Section title={t('inspections.checklist')}>
          {v.can.edit ? (
            <ChecklistForm key={`${v.id}-${v.status}`} inspection={v} />
          ) : (
            <Stack gap="xs">
              {v.checklist.map((c) => (
                <Text key={c.position} size="sm">
                  <b>{c.position}.</b> {c.text} — <b>{c.rating ? t(`inspections.rating.${c.rating}`) : '…'}</b>
                  {c.finding ? `: ${c.finding}` : ''}
                </Text>
              ))}
              {v.findings && (
                <Text size="sm">
                  <b>{t('inspections.findings')}:</b> {v.findings}
                </Text>
              )}
              {v.recommendations && (
                <Text size="sm">
                  <b>{t('inspections.recommendations')}:</b> {v.recommendations}
                </Text>
              )}
            </Stack>
          )}
        </Section>
      </Stack>
    </>
  );
}
