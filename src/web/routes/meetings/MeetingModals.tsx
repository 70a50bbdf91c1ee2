import { Button, Group, Modal, MultiSelect, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { POSITIONS, SCHOOL_LEVELS, type SchoolLevel } from '@shared/enums';
import type { InvitationRuleInput, MeetingDetail } from '@shared/meetings';
import { gradeLevel } from '@shared/teachingLevels';
import { useState } from 'react';
import { useInvitations, useMeetingAction } from '../../api/meetings';
import { useSubjects } from '../../api/reference';
import { OrgPicker } from '../../components/OrgPicker';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';
import { vnIso } from './meetingFormat';
import { RulePreview } from './RulePreview';

/** Postpone (optionally to a new day and time) or cancel, with a required reason. */
export function ReasonModal({
  meeting,
  action,
  onClose,
}: {
  meeting: MeetingDetail;
  action: 'postpone' | 'cancel' | null;
  onClose: () => void;
}) {
  const t = useT();
  const act = useMeetingAction(meeting.id);
  const [reason, setReason] = useState('');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!action) return;
    if (!reason.trim()) return setError(t('meetings.reasonRequired'));
    const body = action === 'postpone' && day && time ? { reason, startsAt: vnIso(day, time) } : { reason };
    act.mutate(
      { action, body },
      {
        onSuccess: () => {
          notifySuccess(t(action === 'postpone' ? 'meetings.postponed' : 'meetings.cancelled'));
          setReason('');
          onClose();
        },
        onError: (e) => {
          setError(serverFieldErrors(e).reason ?? null);
          showServerError(e, t);
        },
      },
    );
  };
  return (
    <Modal opened={action !== null} onClose={onClose} title={t(action === 'cancel' ? 'meetings.cancelTitle' : 'meetings.postponeTitle')}>
      <Stack>
        <Textarea
          label={t('meetings.reason')}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          data-testid="reason"
        />
        {action === 'postpone' && (
          <Group grow>
            <TextInput type="date" label={t('meetings.newDate')} value={day} onChange={(e) => setDay(e.currentTarget.value)} />
            <TextInput type="time" label={t('meetings.newTime')} value={time} onChange={(e) => setTime(e.currentTarget.value)} />
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button color={action === 'cancel' ? 'red' : 'orange'} onClick={submit} loading={act.isPending} data-testid="reason-submit">
            {t(action === 'cancel' ? 'meetings.cancelMeeting' : 'meetings.postpone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type Scope = 'network' | 'under' | 'orgs';

/** Invite by rule: positions, subjects, and a scope (the meeting's network, schools of some levels under an office, or orgs). */
export function RuleModal({ meeting, opened, onClose }: { meeting: MeetingDetail; opened: boolean; onClose: () => void }) {
  const t = useT();
  const invite = useInvitations(meeting.id);
  const subjects = useSubjects();
  const [scope, setScope] = useState<Scope>(meeting.network ? 'network' : 'under');
  const [positions, setPositions] = useState<string[]>(['teacher']);
  const [subjectIds, setSubjectIds] = useState<string[]>(meeting.subjects.map((s) => s.id));
  const [orgId, setOrgId] = useState<string | null>(null);
  const [levels, setLevels] = useState<string[]>([]);
  // The levels taught, prefilled from the meeting's grade (a grade-8 meeting: THCS); cleared = every level.
  const [taught, setTaught] = useState<string[]>(meeting.grade ? [gradeLevel(meeting.grade)] : []);
  const [description, setDescription] = useState('');
  const scopeOf = () =>
    scope === 'network' && meeting.network
      ? { networkId: meeting.network.id }
      : scope === 'under' && orgId
        ? { underOrgId: orgId, levels }
        : orgId
          ? { orgIds: [orgId] }
          : null;
  const s0 = scopeOf();
  const draft = s0 ? ({ rule: { positions, subjectIds, scope: s0, levels: taught as SchoolLevel[] } } as InvitationRuleInput) : null;
  const submit = () => {
    if (!draft) return showServerError(new Error(t('meetings.pickScope')), t);
    const body = { ...draft, description } as InvitationRuleInput;
    invite.mutate(
      { kind: 'rule', body },
      {
        onSuccess: (r) => {
          notifySuccess(t('meetings.invitedN', { n: (r as { added: number }).added }));
          onClose();
        },
        onError: (e) => showServerError(e, t),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('meetings.inviteByRule')} size="lg">
      <Stack>
        <MultiSelect
          label={t('meetings.rulePositions')}
          placeholder={t('meetings.rulePositionsAll')}
          value={positions}
          onChange={setPositions}
          data={POSITIONS.map((p) => ({ value: p, label: t(`position.${p}`) }))}
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t('meetings.ruleSubjects')}
          placeholder={t('meetings.ruleSubjectsAll')}
          searchable
          value={subjectIds}
          onChange={setSubjectIds}
          data={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          comboboxProps={{ withinPortal: true }}
          data-testid="rule-subjects"
        />
        <SegmentedControl
          fullWidth
          orientation="vertical"
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          data={[
            ...(meeting.network ? [{ value: 'network', label: t('meetings.scopeNetwork', { name: meeting.network.name }) }] : []),
            { value: 'under', label: t('meetings.scopeUnder') },
            { value: 'orgs', label: t('meetings.scopeOrg') },
          ]}
        />
        {scope !== 'network' && (
          <OrgPicker
            label={scope === 'under' ? t('meetings.scopeUnderOrg') : t('meetings.scopeOrgPick')}
            value={orgId}
            onChange={(id) => setOrgId(id)}
            types={scope === 'under' ? ['province_department', 'district_office', 'commune'] : undefined}
          />
        )}
        {scope === 'under' && (
          <MultiSelect
            label={t('meetings.ruleLevels')}
            placeholder={t('meetings.ruleLevelsAll')}
            value={levels}
            onChange={setLevels}
            data={SCHOOL_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        <MultiSelect
          label={t('meetings.ruleTaughtLevels')}
          description={meeting.grade ? t('meetings.ruleTaughtLevelsHint', { grade: meeting.grade }) : undefined}
          placeholder={t('meetings.ruleLevelsAll')}
          value={taught}
          onChange={setTaught}
          data={SCHOOL_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          comboboxProps={{ withinPortal: true }}
          data-testid="rule-taught-levels"
        />
        <RulePreview meetingId={meeting.id} body={draft} />
        <TextInput
          label={t('meetings.ruleDescription')}
          description={t('meetings.ruleDescriptionHint')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button onClick={submit} loading={invite.isPending} data-testid="rule-submit">
            {t('meetings.invite')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
