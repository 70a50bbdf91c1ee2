import { ActionIcon, Alert, Anchor, Badge, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import type { MeetingDetail } from '@shared/meetings';
import {
  IconAlertTriangle,
  IconCalendarCheck,
  IconCalendarPause,
  IconCalendarX,
  IconCheck,
  IconDownload,
  IconExternalLink,
  IconMapPin,
  IconPaperclip,
  IconPencil,
  IconRoute,
  IconTrash,
} from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { lazy, Suspense, useState } from 'react';
import { useMe } from '../../api/auth';
import { useAttachments, useInvitations, useMeeting, useMeetingAction } from '../../api/meetings';
import { InfoList } from '../../components/InfoList';
import { AnchorLink, ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';
import { useOpenedOnce } from '../../lib/openedOnce';
import { MeetingMaterials } from '../materials/MeetingMaterials';
import { ChatLinks } from './ChatLinks';
import { CopyIcalButton } from './CopyIcalButton';
import { MeetingModeBadge, MeetingStatusBadge } from './MeetingBadges';
import { useDayLabel } from './MeetingList';
import { vnDay, vnTime } from './meetingFormat';

// What only organisers use (pickers, dialogs) loads on demand: a participant's meeting page carries none of it.
const inviteControls = () => import('./InviteControls');
const InviteBar = lazy(() => inviteControls().then((x) => ({ default: x.InviteBar })));
const VenueSelect = lazy(() => inviteControls().then((x) => ({ default: x.VenueSelect })));
const modals = () => import('./MeetingModals');
const ReasonModal = lazy(() => modals().then((x) => ({ default: x.ReasonModal })));
const RuleModal = lazy(() => modals().then((x) => ({ default: x.RuleModal })));
const BridgeRuleModal = lazy(() => import('./BridgeRuleModal').then((x) => ({ default: x.BridgeRuleModal })));
// Only organisers may delete: the confirmation loads when asked for.
const ConfirmDialog = lazy(() => import('../../components/ConfirmDialog').then((x) => ({ default: x.ConfirmDialog })));
// The lesson-study section (its stepper) only for lesson-study meetings.
const LessonStudySection = lazy(() => import('../lessonStudy/LessonStudySection').then((x) => ({ default: x.LessonStudySection })));

function Invitees({ m }: { m: MeetingDetail }) {
  const t = useT();
  const inv = useInvitations(m.id);
  const [ruleOpen, setRuleOpen] = useState(false);
  const ruleMounted = useOpenedOnce(ruleOpen);
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const venueName = (id: string | null) => m.venues.find((v) => v.id === id)?.name ?? t('meetings.noVenue');
  const groups = [...m.venues.map((v) => v.id), null].filter((id) => (id === null ? m.invitations.some((i) => !i.venueId) : true));
  const run = (a: Parameters<typeof inv.mutate>[0], ok?: string) =>
    inv.mutate(a, { onSuccess: () => ok && notifySuccess(ok), onError: (e) => showServerError(e, t) });
  return (
    <Section title={t('meetings.invitees', { n: m.invitations.length })} testId="meeting-invitees">
      <Stack gap="sm">
        {m.can.invite && (
          <Suspense fallback={null}>
            <InviteBar meetingId={m.id} run={run} onRule={() => setRuleOpen(true)} />
          </Suspense>
        )}
        {m.invitationRules.length > 0 && (
          <Stack gap={4}>
            {m.invitationRules.map((r) => (
              <Group key={r.id} gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm">
                  {r.description}{' '}
                  <Badge size="xs" variant="light">
                    {r.count}
                  </Badge>
                </Text>
                {m.can.invite && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('meetings.removeRule')}
                    onClick={() => run({ kind: 'removeRule', ruleId: r.id })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            ))}
          </Stack>
        )}
        {groups.map((g) => {
          const people = m.invitations.filter((i) => i.venueId === g);
          const shown = open[g ?? 'none'] ?? people.length <= 8;
          return (
            <Stack key={g ?? 'none'} gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={600} size="sm" style={{ flex: 1, minWidth: 0 }}>
                  {venueName(g)} ({people.length})
                </Text>
                {people.length > 8 && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    style={{ flexShrink: 0 }}
                    onClick={() => setOpen({ ...open, [g ?? 'none']: !shown })}
                  >
                    {t(shown ? 'meetings.hideList' : 'meetings.showList')}
                  </Button>
                )}
              </Group>
              {shown &&
                people.map((i) => (
                  <Group key={i.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="invitee">
                    <Text size="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      {i.person.fullName}
                      {i.orgName && <Text span c="dimmed" size="sm">{` — ${i.orgName}`}</Text>}
                      {i.person.phone && <Text span c="dimmed" size="xs">{` · ${i.person.phone}`}</Text>}
                    </Text>
                    {m.can.invite && (
                      <Group gap={4} wrap="nowrap">
                        {m.venues.length > 1 && (
                          <Suspense fallback={null}>
                            <VenueSelect venues={m.venues} invitationId={i.id} venueId={i.venueId} run={run} />
                          </Suspense>
                        )}
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('meetings.uninvite')}
                          onClick={() => run({ kind: 'remove', invitationId: i.id })}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    )}
                  </Group>
                ))}
            </Stack>
          );
        })}
      </Stack>
      {ruleMounted && (
        <Suspense fallback={null}>
          <RuleModal meeting={m} opened={ruleOpen} onClose={() => setRuleOpen(false)} />
        </Suspense>
      )}
    </Section>
  );
}

function Attachments({ m }: { m: MeetingDetail }) {
  const t = useT();
  const me = useMe();
  const files = useAttachments(m.id, () => me.data?.csrfToken ?? null);
  const upload = (file: File | null) =>
    file &&
    files.mutate(
      { file },
      { onSuccess: () => notifySuccess(t('meetings.uploaded', { name: file.name })), onError: (e) => showServerError(e, t) },
    );
  return (
    <Section title={t('meetings.attachments')} testId="meeting-attachments">
      <Stack gap={6}>
        {m.attachments.length === 0 && (
          <Text c="dimmed" size="sm">
            {t('meetings.noAttachments')}
          </Text>
        )}
        {m.attachments.map((a) => (
          <Group key={a.id} gap="xs" wrap="nowrap" justify="space-between">
            <Anchor href={`/api/attachments/${a.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
              <IconDownload size={14} /> {a.fileName}{' '}
              <Text span c="dimmed" size="xs">
                ({Math.ceil(a.size / 1024)} KB)
              </Text>
            </Anchor>
            {m.can.upload && (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('common.delete')}
                onClick={() => files.mutate({ deleteId: a.id }, { onError: (e) => showServerError(e, t) })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {m.can.upload && (
          <FileButton onChange={upload} accept=".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx,.pptx,.mp4">
            {(props) => (
              <Button {...props} variant="light" leftSection={<IconPaperclip size={16} />} loading={files.isPending} w="fit-content">
                {t('meetings.attach')}
              </Button>
            )}
          </FileButton>
        )}
        <Text size="xs" c="dimmed">
          {t('meetings.attachHint')}
        </Text>
      </Stack>
    </Section>
  );
}

function MeetingView({ m }: { m: MeetingDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const dayLabel = useDayLabel();
  const act = useMeetingAction(m.id);
  const [reason, setReason] = useState<'postpone' | 'cancel' | null>(null);
  const reasonMounted = useOpenedOnce(reason !== null);
  const run = (a: 'schedule' | 'held' | 'delete', ok: string) =>
    act.mutate({ action: a } as never, {
      onSuccess: () => {
        notifySuccess(ok);
        if (a === 'delete') navigate({ to: '/meetings' });
      },
      onError: (e) => showServerError(e, t),
    });
  const when = `${dayLabel(vnDay(m.startsAt))}, ${vnTime(m.startsAt)}–${vnTime(m.endsAt)}`;
  const me = useMe();
  const mine = m.invitations.find((i) => i.person.id === me.data?.personId);
  const myVenue = mine ? m.venues.find((v) => v.id === mine.venueId) : undefined;
  const [deleting, setDeleting] = useState(false);
  const [bridging, setBridging] = useState(false);
  return (
    <>
      {bridging && (
        <Suspense fallback={null}>
          <BridgeRuleModal m={m} onClose={() => setBridging(false)} />
        </Suspense>
      )}
      {deleting && (
        <Suspense fallback={null}>
          <ConfirmDialog
            opened
            options={{
              title: t('common.delete'),
              message: t('meetings.deleteConfirm'),
              confirmLabel: t('common.delete'),
              color: 'red',
            }}
            onAnswer={(ok) => {
              setDeleting(false);
              if (ok) run('delete', t('meetings.deleted'));
            }}
          />
        </Suspense>
      )}
      <PageHeader
        above={
          <Group gap={6}>
            <MeetingStatusBadge status={m.status} />
            <MeetingModeBadge mode={m.mode} />
          </Group>
        }
        title={m.title}
        subtitle={`${t(`meetingKind.${m.kind}`)} · ${when}`}
        actions={
          <>
            {m.can.edit && (
              <ButtonLink
                to="/meetings/$meetingId/edit"
                params={{ meetingId: m.id }}
                variant="default"
                leftSection={<IconPencil size={16} />}
                data-testid="meeting-edit"
              >
                {t('common.edit')}
              </ButtonLink>
            )}
            {m.can.schedule && (
              <Button
                leftSection={<IconCalendarCheck size={16} />}
                onClick={() => run('schedule', t('meetings.scheduledOk'))}
                loading={act.isPending}
                data-testid="meeting-schedule"
              >
                {t('meetings.scheduleAction')}
              </Button>
            )}
            {m.can.applyBridgeRule && (
              <Button variant="light" leftSection={<IconRoute size={16} />} onClick={() => setBridging(true)} data-testid="meeting-bridge">
                {t('meetings.applyBridge')}
              </Button>
            )}
            {m.can.markHeld && (
              <Button variant="light" color="green" leftSection={<IconCheck size={16} />} onClick={() => run('held', t('meetings.heldOk'))}>
                {t('meetings.markHeld')}
              </Button>
            )}
            {m.can.postpone && (
              <Button
                variant="light"
                color="orange"
                leftSection={<IconCalendarPause size={16} />}
                onClick={() => setReason('postpone')}
                data-testid="meeting-postpone"
              >
                {t('meetings.postpone')}
              </Button>
            )}
            {m.can.cancel && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconCalendarX size={16} />}
                onClick={() => setReason('cancel')}
                data-testid="meeting-cancel"
              >
                {t('meetings.cancelMeeting')}
              </Button>
            )}
            {m.can.delete && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            )}
            <CopyIcalButton />
          </>
        }
      />
      <Stack gap="md">
        {mine && (
          <Alert color="blue" icon={<IconMapPin size={20} />} title={t('meetings.yourVenue')} data-testid="my-venue">
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {myVenue ? [myVenue.name, myVenue.room, myVenue.address].filter(Boolean).join(', ') : t('meetings.noVenue')}
              </Text>
              {myVenue?.onlineUrl && (
                <Button
                  component="a"
                  href={myVenue.onlineUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  size="xs"
                  w="fit-content"
                  leftSection={<IconExternalLink size={14} />}
                >
                  {t('meetings.join')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {m.problems.length > 0 && (
          <Alert color="orange" icon={<IconAlertTriangle size={20} />} title={t('meetings.problems')} data-testid="meeting-problems">
            <Stack gap={2}>
              {m.problems.map((p) => (
                <Text key={p} size="sm">
                  {p}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {m.statusReason && (m.status === 'postponed' || m.status === 'cancelled') && (
          <Alert color={m.status === 'cancelled' ? 'red' : 'orange'} title={t(`meetingStatus.${m.status}`)}>
            {t('meetings.reason')}: {m.statusReason}
          </Alert>
        )}
        <Section title={t('meetings.info')}>
          <InfoList
            items={[
              { label: t('meetings.time'), value: when },
              {
                label: t('meetings.host'),
                value: (
                  <AnchorLink to="/orgs/$orgId" params={{ orgId: m.hostOrg.id }}>
                    {m.hostOrg.name}
                  </AnchorLink>
                ),
              },
              ...(m.network
                ? [
                    {
                      label: t('meetings.network'),
                      value: (
                        <AnchorLink to="/networks/$networkId" params={{ networkId: m.network.id }}>
                          {m.network.name}
                        </AnchorLink>
                      ),
                    },
                  ]
                : []),
              { label: t('meetings.subjects'), value: m.subjects.map((s) => s.name).join(', ') || t('common.none') },
              { label: t('meetings.grade'), value: m.grade ?? t('common.none') },
              { label: t('meetings.chair'), value: m.chair?.name ?? t('common.none') },
              { label: t('meetings.secretary'), value: m.secretary?.name ?? t('common.none') },
              { label: t('meetings.plannedCount'), value: m.plannedCount ?? t('common.none') },
              ...(m.content ? [{ label: t('meetings.content'), value: m.content }] : []),
              ...(m.notes ? [{ label: t('meetings.notes'), value: m.notes }] : []),
            ]}
          />
          {m.network && (
            <Stack mt="sm">
              <ChatLinks networkId={m.network.id} />
            </Stack>
          )}
          <Group gap="xs" mt="sm">
            <ButtonLink to="/meetings/$meetingId/attendance" params={{ meetingId: m.id }} variant="default" size="xs">
              {t('meetings.attendance')}
            </ButtonLink>
            <ButtonLink to="/meetings/$meetingId/minutes" params={{ meetingId: m.id }} variant="default" size="xs">
              {t('meetings.minutes')}
            </ButtonLink>
            <Button component="a" href={`/api/exports/minutes/${m.id}.docx`} variant="default" size="xs" data-testid="download-mau2">
              {t('exports.minutesDocx')}
            </Button>
          </Group>
        </Section>
        <Section title={t('meetings.venues')} testId="meeting-venues">
          <Stack gap="xs">
            {m.venues.length === 0 && (
              <Text c="dimmed" size="sm">
                {t('meetings.noVenues')}
              </Text>
            )}
            {m.venues.map((v) => (
              <Stack key={v.id} gap={0}>
                <Group gap={6}>
                  <Text fw={600} size="sm">
                    {v.name}
                  </Text>
                  <Badge size="xs" variant="light" color={v.isCentral ? 'blue' : 'gray'}>
                    {t(v.isCentral ? 'meetings.central' : 'meetings.bridge')}
                  </Badge>
                  <Badge size="xs" variant="outline">
                    {t('meetings.peopleN', { n: v.invitedCount })}
                  </Badge>
                </Group>
                {(v.room || v.address) && (
                  <Text size="sm" c="dimmed">
                    {[v.room, v.address].filter(Boolean).join(', ')}
                  </Text>
                )}
                {v.onlineUrl ? (
                  <Anchor href={v.onlineUrl} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {v.onlineUrl}
                  </Anchor>
                ) : (
                  m.mode !== 'in_person' &&
                  !v.isCentral && (
                    <Text size="sm" c="orange">
                      {t('meetings.noLink')}
                    </Text>
                  )
                )}
              </Stack>
            ))}
          </Stack>
        </Section>
        {m.agenda.length > 0 && (
          <Section title={t('meetings.agenda')} testId="meeting-agenda">
            {/* A list rather than Mantine's Table: the same on a phone, without the table's scroll container. */}
            <Stack component="ol" gap={0} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {m.agenda.map((a, k) => (
                <Group
                  component="li"
                  key={a.id}
                  gap="sm"
                  wrap="nowrap"
                  align="flex-start"
                  py={6}
                  style={k > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
                >
                  <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {a.startsAt}–{a.endsAt}
                  </Text>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {a.title}
                    </Text>
                    {a.presenter && (
                      <Text size="xs" c="dimmed">
                        {a.presenter.name}
                      </Text>
                    )}
                  </Stack>
                </Group>
              ))}
            </Stack>
          </Section>
        )}
        {m.presenters.length > 0 && (
          <Section title={t('meetings.presenters')}>
            <Stack gap={4}>
              {m.presenters.map((p) => (
                <Text key={p.id} size="sm">
                  {[p.person?.name, p.org?.name].filter(Boolean).join(' — ')}
                  {p.topic && <Text span c="dimmed">{` · ${p.topic}`}</Text>}
                </Text>
              ))}
            </Stack>
          </Section>
        )}
        {m.kind === 'lesson_study' && (
          <Suspense fallback={null}>
            <LessonStudySection meetingId={m.id} />
          </Suspense>
        )}
        <Invitees m={m} />
        <Attachments m={m} />
        <MeetingMaterials m={m} />
      </Stack>
      {reasonMounted && (
        <Suspense fallback={null}>
          <ReasonModal meeting={m} action={reason} onClose={() => setReason(null)} />
        </Suspense>
      )}
    </>
  );
}

/** The meeting page: facts, venues with links, agenda, presenters, invitees per venue, files, and allowed actions. */
export default function MeetingPage() {
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const q = useMeeting(meetingId);
  return <QueryState query={q}>{(m) => <MeetingView m={m} />}</QueryState>;
}
