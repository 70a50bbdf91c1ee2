import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { pickLink } from '@shared/meetingLinks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMe } from '../../api/auth';
import { useMeetingLinks } from '../../api/meetingLinks';
import { useOrg } from '../../api/orgs';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import type { Values } from './MeetingFormPage';

type Choice = { id: string; name: string; type: string; address: string | null };
const SCHOOLS = ['school', 'center'];

/**
 * The orgs a bridge point may be: the network's member schools and the offices above them (with its saved links), or,
 * for a meeting without network, the host's parent office and the user's own schools and offices.
 */
function useBridgeChoices(networkId: string | null, hostOrgId: string | null) {
  const links = useMeetingLinks(networkId);
  const host = useOrg(networkId ? null : hostOrgId);
  const me = useMe();
  if (networkId) return { orgs: (links.data?.orgs ?? []) as Choice[], links: links.data?.links ?? [] };
  const own: Choice[] = (me.data?.positions ?? [])
    .filter((p) => p.orgType !== 'team')
    .map((p) => ({ id: p.orgId, name: p.orgName, type: p.orgType, address: null }));
  const parent = host.data?.parent;
  const all = [...(parent ? [{ id: parent.id, name: parent.name, type: parent.type, address: null }] : []), ...own];
  return { orgs: all.filter((o, i) => all.findIndex((x) => x.id === o.id) === i), links: [] };
}

/**
 * The venues of the meeting form: the central venue typed at the host; each bridge point chosen from the orgs it may
 * be, which fills its name, address and the network's saved online link (the name stays editable).
 */
export function VenuesSection({ form }: { form: UseFormReturnType<Values> }) {
  const t = useT();
  const v = form.values;
  const choices = useBridgeChoices(v.networkId, v.hostOrgId);
  const choose = (i: number, orgId: string | null) => {
    const org = choices.orgs.find((o) => o.id === orgId);
    const x = v.venues[i];
    if (!org) return form.setFieldValue(`venues.${i}.orgId`, orgId);
    const saved = pickLink(
      choices.links.map((l) => ({ orgId: l.org?.id ?? null, subjectId: l.subject?.id ?? null, url: l.url })),
      org.id,
      v.subjectIds,
    );
    form.setFieldValue(`venues.${i}`, {
      ...x,
      orgId: org.id,
      name: SCHOOLS.includes(org.type) ? org.name : t('meetings.pointOf', { name: org.name }),
      address: org.address ?? x.address,
      onlineUrl: x.onlineUrl.trim() ? x.onlineUrl : (saved?.url ?? ''),
    });
  };
  return (
    <Section title={t('meetings.venues')}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t(`meetings.venuesHint.${v.mode}`)}
        </Text>
        {v.venues.map((x, i) => (
          <Paper key={x.key} withBorder p="xs" data-testid="venue-row">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
              {!x.isCentral && (
                <Select
                  label={t('meetings.venueOrg')}
                  placeholder={t('meetings.venueOrgPlaceholder')}
                  searchable
                  clearable
                  data={choices.orgs.map((o) => ({ value: o.id, label: o.name }))}
                  value={x.orgId}
                  onChange={(id) => choose(i, id)}
                  error={form.errors[`venues.${i}.orgId`]}
                  data-testid="venue-org"
                />
              )}
              <TextInput label={t('meetings.venueName')} required {...form.getInputProps(`venues.${i}.name`)} data-testid="venue-name" />
              <Checkbox
                mt={{ sm: 'xl' }}
                label={t('meetings.central')}
                {...form.getInputProps(`venues.${i}.isCentral`, { type: 'checkbox' })}
              />
              <TextInput label={t('meetings.room')} {...form.getInputProps(`venues.${i}.room`)} />
              <TextInput label={t('meetings.address')} {...form.getInputProps(`venues.${i}.address`)} />
              <TextInput
                type="url"
                label={t('meetings.onlineUrl')}
                placeholder="https://teams.microsoft.com/…"
                {...form.getInputProps(`venues.${i}.onlineUrl`)}
                data-testid="venue-url"
              />
              <Group justify="flex-end" align="flex-end">
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => form.removeListItem('venues', i)}>
                  {t('meetings.removeVenue')}
                </Button>
              </Group>
            </SimpleGrid>
          </Paper>
        ))}
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconPlus size={16} />}
          onClick={() =>
            form.insertListItem('venues', {
              key: randomId(),
              isCentral: v.venues.length === 0 && v.mode !== 'online',
              orgId: null,
              name: '',
              room: '',
              address: '',
              onlineUrl: '',
            })
          }
          data-testid="venue-add"
        >
          {t('meetings.addVenue')}
        </Button>
      </Stack>
    </Section>
  );
}
