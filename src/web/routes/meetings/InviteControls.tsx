import { Button, Group, Select } from '@mantine/core';
import type { MeetingDetail } from '@shared/meetings';
import { IconUserPlus, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { useInvitations } from '../../api/meetings';
import { PersonPicker } from '../../components/PersonPicker';
import { useT } from '../../i18n/context';

/*
 * The organiser's controls of the invitee list. They hold the searchable pickers (Mantine's Combobox and
 * floating-ui), which a participant reading the meeting never uses: the meeting page loads this file only for
 * those who may invite.
 */

type InvitationAction = Parameters<ReturnType<typeof useInvitations>['mutate']>[0];
type Run = (a: InvitationAction, ok?: string) => void;

/** Invite one person found by name, or open the "invite by rule" dialog. */
export function InviteBar({ meetingId, run, onRule }: { meetingId: string; run: Run; onRule: () => void }) {
  const t = useT();
  const [person, setPerson] = useState<string | null>(null);
  return (
    <Group align="flex-end" gap="xs">
      <PersonPicker
        label={t('meetings.inviteByName')}
        scope={{ meetingId }}
        value={person}
        onChange={(id) => setPerson(id)}
        style={{ flex: '1 1 14rem' }}
      />
      <Button
        leftSection={<IconUserPlus size={16} />}
        disabled={!person}
        onClick={() => person && run({ kind: 'names', body: { personIds: [person] } }, t('meetings.invitedOne'))}
        data-testid="invite-name"
      >
        {t('meetings.invite')}
      </Button>
      <Button variant="light" leftSection={<IconUsersPlus size={16} />} onClick={onRule} data-testid="invite-rule">
        {t('meetings.inviteByRule')}
      </Button>
    </Group>
  );
}

/** Moves one invitee to another venue (central or a bridge point). */
export function VenueSelect({
  venues,
  invitationId,
  venueId,
  run,
}: {
  venues: MeetingDetail['venues'];
  invitationId: string;
  venueId: string | null;
  run: Run;
}) {
  const t = useT();
  return (
    <Select
      size="xs"
      w={130}
      aria-label={t('meetings.venue')}
      value={venueId}
      data={venues.map((v) => ({ value: v.id, label: v.name }))}
      onChange={(v) => run({ kind: 'venue', invitationId, venueId: v })}
    />
  );
}
