import { Alert, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { NetworkDetail } from '@shared/types';
import { PersonPicker } from '../../components/PersonPicker';
import { useT } from '../../i18n/context';
import { leaderOptions, type NetworkValues } from './networkFormValues';

/** Leader and up to two deputies, picked from people; errors on `leaders…` show above them. */
export function NetworkLeadersField({ form, network }: { form: UseFormReturnType<NetworkValues>; network?: NetworkDetail }) {
  const t = useT();
  const known = leaderOptions(network);
  const leaderErrors = Object.entries(form.errors)
    .filter(([key]) => key === 'leaders' || key.startsWith('leaders.'))
    .map(([, message]) => String(message));
  const picker = (field: 'leaderId' | 'deputy1Id' | 'deputy2Id', label: string, testId: string) => (
    <PersonPicker
      label={label}
      placeholder={t('networkForm.personPlaceholder')}
      value={form.values[field]}
      initial={form.values[field] ? known.get(form.values[field] ?? '') : null}
      onChange={(id) => {
        form.setFieldValue(field, id);
        form.clearFieldError('leaders');
      }}
      data-testid={testId}
    />
  );
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('network.leaders')}</Text>
      {leaderErrors.length > 0 && (
        <Alert color="red" p="xs" data-testid="leaders-error">
          {leaderErrors.join(' ')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {picker('leaderId', t('networkForm.leader'), 'network-leader')}
        {picker('deputy1Id', t('networkForm.deputy1'), 'network-deputy1')}
        {picker('deputy2Id', t('networkForm.deputy2'), 'network-deputy2')}
      </SimpleGrid>
    </Stack>
  );
}
