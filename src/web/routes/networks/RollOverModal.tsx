import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import type { NetworkDetail } from '@shared/types';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useRollOverNetwork } from '../../api/networks';
import { OrgPicker } from '../../components/OrgPicker';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';
import { useSchoolYear } from '../../state/schoolYearContext';

/** Forms this network again for another school year; the supervising office may change (e.g. after the 2025 reform). */
export function RollOverModal({ network: n, opened, onClose }: { network: NetworkDetail; opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const { years } = useSchoolYear();
  const later = years.filter((y) => y.id !== n.schoolYearId);
  const [schoolYearId, setSchoolYearId] = useState<string | null>(null);
  const [supervisingOrgId, setSupervisingOrgId] = useState<string | null>(n.supervisingOrg.id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const rollOver = useRollOverNetwork(n.id);

  const submit = () => {
    if (!schoolYearId) {
      setErrors({ schoolYearId: t('network.rollOver.pickYear') });
      return;
    }
    rollOver.mutate(
      { schoolYearId, supervisingOrgId },
      {
        onSuccess: (created) => {
          notifySuccess(t('network.rollOver.done', { year: created.schoolYearCode }));
          onClose();
          navigate({ to: '/networks/$networkId', params: { networkId: created.id } });
        },
        onError: (e) => {
          setErrors(serverFieldErrors(e));
          showServerError(e, t);
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('network.rollOver.title')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('network.rollOver.hint')}</Text>
        {n.leadershipMode === 'rotating' && (
          <Alert color="blue" variant="light" p="xs">
            {t('network.rollOver.rotating')}
          </Alert>
        )}
        <Select
          label={t('schoolYear.label')}
          data={later.map((y) => ({ value: y.id, label: y.code }))}
          value={schoolYearId}
          onChange={setSchoolYearId}
          error={errors.schoolYearId}
          required
          data-testid="rollover-year"
          comboboxProps={{ withinPortal: true }}
        />
        <OrgPicker
          label={t('network.supervising')}
          value={supervisingOrgId}
          initial={n.supervisingOrg}
          onChange={(id) => setSupervisingOrgId(id)}
          types={['province_department', 'district_office', 'commune']}
          error={errors.supervisingOrgId}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={rollOver.isPending} data-testid="rollover-submit">
            {t('network.rollOver.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
