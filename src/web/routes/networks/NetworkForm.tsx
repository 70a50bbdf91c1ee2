import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { NETWORK_KINDS, OFFICE_TYPES, SCHOOL_TYPES } from '@shared/enums';
import { type NetworkInput, networkInput } from '@shared/schemas';
import type { NetworkDetail } from '@shared/types';
import { useNetworks } from '../../api/networks';
import { DateField } from '../../components/DateField';
import { OrgMultiPicker } from '../../components/OrgMultiPicker';
import { OrgPicker } from '../../components/OrgPicker';
import { useI18n } from '../../i18n/context';
import { zodFieldErrors } from '../../lib/formErrors';
import { focusFirstError } from '../../lib/notify';
import { useSchoolYear } from '../../state/schoolYearContext';
import { NetworkLeadersField } from './NetworkLeadersField';
import { initialValues, type NetworkValues, toNetworkInput } from './networkFormValues';

interface Props {
  network?: NetworkDetail;
  saving: boolean;
  onSubmit: (input: NetworkInput, setErrors: (e: Record<string, string>) => void) => void;
  onCancel: () => void;
}

/** Create/edit form of a network, validated with the shared `networkInput` schema. */
export function NetworkForm({ network, saving, onSubmit, onCancel }: Props) {
  const { t, lang } = useI18n();
  const { years, selected } = useSchoolYear();
  const form = useForm<NetworkValues>({
    initialValues: initialValues(network, selected?.id ?? null),
    validate: (v) => zodFieldErrors(networkInput, toNetworkInput(v), t, lang, { name: t('networks.name') }),
  });
  const v = form.values;
  const year = years.find((y) => y.id === v.schoolYearId);
  const siblings = useNetworks({ schoolYearId: v.schoolYearId }, Boolean(v.schoolYearId));
  const parentOptions = (siblings.data ?? []).filter((n) => n.id !== network?.id).map((n) => ({ value: n.id, label: n.name }));

  return (
    <form onSubmit={form.onSubmit((values) => onSubmit(toNetworkInput(values), form.setErrors), focusFirstError)} noValidate>
      <Stack>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('networks.kind')}
                withAsterisk
                data={NETWORK_KINDS.map((k) => ({ value: k, label: t(`networkKind.${k}`) }))}
                allowDeselect={false}
                data-testid="network-kind-input"
                {...form.getInputProps('kind')}
              />
              <Select
                label={t('network.schoolYear')}
                withAsterisk
                data={years.map((y) => ({ value: y.id, label: y.code }))}
                allowDeselect={false}
                {...form.getInputProps('schoolYearId')}
              />
            </SimpleGrid>
            <TextInput label={t('networks.name')} withAsterisk data-testid="network-name" {...form.getInputProps('name')} />
            <OrgPicker
              label={t('network.supervising')}
              withAsterisk
              placeholder={t('common.searchToFind')}
              types={OFFICE_TYPES}
              date={year?.startDate}
              initial={network?.supervisingOrg}
              data-testid="network-supervising"
              value={v.supervisingOrgId}
              onChange={(id) => form.setFieldValue('supervisingOrgId', id)}
              error={form.errors.supervisingOrgId}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('network.decisionNumber')} placeholder="140/QĐ-PGDĐT" {...form.getInputProps('decisionNumber')} />
              <DateField label={t('network.decisionDate')} {...form.getInputProps('decisionDate')} />
            </SimpleGrid>
            <Select
              label={t('networkForm.parentNetwork')}
              placeholder={t('networkForm.noParent')}
              data={parentOptions}
              clearable
              searchable
              {...form.getInputProps('parentNetworkId')}
            />
          </Stack>
        </Paper>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Stack>
            <OrgMultiPicker
              label={t('networkForm.members')}
              description={t('networkForm.membersHint')}
              withAsterisk
              types={SCHOOL_TYPES}
              date={year?.startDate}
              initial={network?.members}
              data-testid="network-members-input"
              value={v.memberOrgIds}
              onChange={(ids, orgs) => {
                form.setFieldValue('memberOrgIds', ids);
                form.setFieldValue('members', orgs);
                if (v.leadOrgId && !ids.includes(v.leadOrgId)) form.setFieldValue('leadOrgId', null);
              }}
              error={form.errors.memberOrgIds}
            />
            <Select
              label={t('network.leadOrg')}
              description={t('networkForm.leadOrgHint')}
              data-testid="network-lead-org"
              data={v.members.map((m) => ({ value: m.id, label: m.name }))}
              clearable
              {...form.getInputProps('leadOrgId')}
            />
          </Stack>
        </Paper>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <Stack>
            <div>
              <Text fw={600} mb={4}>
                {t('network.leadershipMode')}
              </Text>
              <SegmentedControl
                fullWidth
                data={[
                  { value: 'named', label: t('network.mode.named') },
                  { value: 'rotating', label: t('network.mode.rotating') },
                ]}
                {...form.getInputProps('leadershipMode')}
              />
            </div>
            <NetworkLeadersField form={form} network={network} />
            <Textarea label={t('network.description')} autosize minRows={2} {...form.getInputProps('description')} />
          </Stack>
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="network-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
