import { Button, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import type { SchoolYear } from '@shared/types';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useCreateReport } from '../../api/reports';
import { useT } from '../../i18n/context';
import { todayIso } from '../../lib/dates';
import { notifySuccess, showServerError } from '../../lib/notify';
import { reportTermOn } from './reportTerm';

/** Starts the report of a network or an org for a term or the whole year of the selected school year. */
export function CreateReportModal({
  opened,
  onClose,
  owner,
  ownerName,
  schoolYear,
}: {
  opened: boolean;
  onClose: () => void;
  owner: { networkId?: string; orgId?: string };
  ownerName: string;
  schoolYear: Pick<SchoolYear, 'id' | 'code' | 'terms'>;
}) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateReport();
  const [term, setTerm] = useState<'1' | '2' | 'year'>(() => reportTermOn(schoolYear, todayIso()));
  const send = () =>
    create.mutate(
      { ...owner, schoolYearId: schoolYear.id, termNumber: term === 'year' ? null : term === '1' ? 1 : 2 },
      {
        onSuccess: (r) => {
          notifySuccess(t('reports.created'));
          onClose();
          navigate({ to: '/reports/$reportId', params: { reportId: r.id } });
        },
        onError: (e) => showServerError(e, t),
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('reports.create')}>
      <Stack>
        <Text size="sm">{t('reports.createFor', { name: ownerName, year: schoolYear.code })}</Text>
        <SegmentedControl
          fullWidth
          value={term}
          onChange={(v) => setTerm(v as typeof term)}
          data={[
            { value: '1', label: t('reports.term1') },
            { value: '2', label: t('reports.term2') },
            { value: 'year', label: t('reports.wholeYear') },
          ]}
          data-testid="report-term"
        />
        <Text size="sm" c="dimmed">
          {t('reports.createHint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={create.isPending} onClick={send} data-testid="report-create-confirm">
            {t('reports.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
