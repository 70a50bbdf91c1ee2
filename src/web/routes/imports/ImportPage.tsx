import { Alert, Button, FileInput, Group, Paper, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { PageHeader } from '../../components/PageHeader';
import { Forbidden, Loading } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { errorMessage } from '../../lib/formErrors';
import { ImportErrors, ImportProgress, ImportSummary } from './ImportResult';
import { type ImportKind, templateUrl, uploadImport, useImportJob } from './importApi';

/** `/imports`: download a template, upload an XLSX/CSV file of orgs or staff, follow its progress, read errors or the summary. */
export default function ImportPage() {
  const t = useT();
  const me = useMe();
  const qc = useQueryClient();
  const can = me.data?.can;
  const kinds: ImportKind[] = [...(can?.importOrgs ? (['orgs'] as const) : []), ...(can?.importStaff ? (['staff'] as const) : [])];
  const [chosen, setChosen] = useState<ImportKind | null>(null);
  const kind = chosen && kinds.includes(chosen) ? chosen : kinds.includes('staff') ? 'staff' : kinds[0];
  const [file, setFile] = useState<File | null>(null);
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);

  if (me.isPending) return <Loading />;
  if (!me.data || kinds.length === 0 || !kind) return <Forbidden />;

  const finished = job.data?.status === 'done' || job.data?.status === 'failed';
  const busy = uploadPercent !== null || (jobId !== null && !finished);

  async function start() {
    if (!file || !me.data || !kind) return;
    setUploadError(null);
    setJobId(null);
    setUploadPercent(0);
    try {
      const created = await uploadImport(kind, file, me.data.csrfToken, setUploadPercent);
      qc.setQueryData(['imports', created.id], created);
      setJobId(created.id);
    } catch (error) {
      setUploadError(errorMessage(error, t));
    } finally {
      setUploadPercent(null);
    }
  }

  function reset() {
    setJobId(null);
    setFile(null);
    setUploadError(null);
  }

  const kindLabel = (k: ImportKind) => (k === 'orgs' ? t('imports.kindOrgs') : t('imports.kindStaff'));
  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Stack gap="md" maw={820}>
        {kinds.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="import-kind-label">
              {t('imports.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="import-kind-label"
              value={kind}
              onChange={(v) => {
                setChosen(v as ImportKind);
                reset();
              }}
              disabled={busy}
              data={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
              fullWidth
            />
          </Stack>
        )}
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs">
            <Title order={3} fz="h4">
              {t('imports.stepTemplate')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('imports.templateHint')}
            </Text>
            <Group gap="xs">
              <Button
                component="a"
                href={templateUrl(kind, 'xlsx')}
                download
                variant="light"
                leftSection={<IconFileSpreadsheet size={18} />}
              >
                {t('imports.downloadXlsx')}
              </Button>
              <Button component="a" href={templateUrl(kind, 'csv')} download variant="subtle" leftSection={<IconDownload size={18} />}>
                {t('imports.downloadCsv')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm">
            <Title order={3} fz="h4">
              {t('imports.stepFile')}
            </Title>
            <FileInput
              label={t('imports.file')}
              placeholder={t('imports.filePlaceholder')}
              description={t('imports.fileHint')}
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                setJobId(null);
                setUploadError(null);
              }}
              clearable
              disabled={busy}
              leftSection={<IconFileSpreadsheet size={18} />}
            />
            <Group gap="xs">
              <Button onClick={start} disabled={!file || busy} loading={busy} leftSection={<IconUpload size={18} />}>
                {t('imports.start')}
              </Button>
              {finished && (
                <Button variant="default" onClick={reset}>
                  {t('imports.again')}
                </Button>
              )}
            </Group>
            {uploadPercent !== null && (
              <Stack gap={4} role="status" aria-live="polite">
                <Text size="sm">{t('imports.uploading', { percent: uploadPercent })}</Text>
                <Progress value={uploadPercent} aria-label={t('imports.uploading', { percent: uploadPercent })} />
              </Stack>
            )}
            {uploadError && (
              <Alert color="red" title={t('imports.uploadFailed')} data-testid="import-upload-error">
                {uploadError}
              </Alert>
            )}
            {jobId && !finished && <ImportProgress job={job.data} />}
            {job.error !== null && job.error !== undefined && <Alert color="red">{errorMessage(job.error, t)}</Alert>}
          </Stack>
        </Paper>
        {job.data?.status === 'failed' && <ImportErrors job={job.data} />}
        {job.data?.status === 'done' && <ImportSummary job={job.data} />}
      </Stack>
    </>
  );
}
