import { ActionIcon, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { MEETING_KINDS, MEETING_MODES, type MeetingKind, type MeetingMode } from '@shared/enums';
import type { MeetingDetail, MeetingUpdateInput } from '@shared/meetings';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef } from 'react';
import { useMeeting, useSaveMeeting } from '../../api/meetings';
import { useNetworks } from '../../api/networks';
import { useSubjects } from '../../api/reference';
import { DateField } from '../../components/DateField';
import { OrgPicker } from '../../components/OrgPicker';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { PersonPicker, type PickerScope } from '../../components/PersonPicker';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { focusFirstError, notifySuccess, showServerError } from '../../lib/notify';
import { useSchoolYear } from '../../state/schoolYearContext';
import { useDefaultHost } from './defaultHost';
import { vnDay, vnIso, vnTime, vnToday } from './meetingFormat';
import { VenuesSection } from './VenuesSection';

export interface Values {
  title: string;
  kind: MeetingKind;
  mode: MeetingMode;
  hostOrgId: string | null;
  networkId: string | null;
  subjectIds: string[];
  grade: number | string;
  day: string;
  startTime: string;
  endTime: string;
  chairPersonId: string | null;
  secretaryPersonId: string | null;
  plannedCount: number | string;
  content: string;
  notes: string;
  agenda: Array<{ key: string; startsAt: string; endsAt: string; title: string }>;
  venues: Array<{
    key: string;
    id?: string;
    isCentral: boolean;
    orgId: string | null;
    name: string;
    room: string;
    address: string;
    onlineUrl: string;
  }>;
  presenters: Array<{ key: string; personId: string | null; orgId: string | null; topic: string }>;
}

function valuesOf(m?: MeetingDetail): Values {
  return {
    title: m?.title ?? '',
    kind: m?.kind ?? 'demo_lesson',
    mode: m?.mode ?? 'in_person',
    hostOrgId: m?.hostOrg.id ?? null,
    networkId: m?.network?.id ?? null,
    subjectIds: m?.subjects.map((s) => s.id) ?? [],
    grade: m?.grade ?? '',
    day: m ? vnDay(m.startsAt) : vnToday(),
    startTime: m ? vnTime(m.startsAt) : '07:30',
    endTime: m ? vnTime(m.endsAt) : '11:00',
    chairPersonId: m?.chair?.id ?? null,
    secretaryPersonId: m?.secretary?.id ?? null,
    plannedCount: m?.plannedCount ?? '',
    content: m?.content ?? '',
    notes: m?.notes ?? '',
    agenda: m?.agenda.map((a) => ({ key: a.id, startsAt: a.startsAt, endsAt: a.endsAt, title: a.title })) ?? [],
    venues:
      m?.venues.map((v) => ({
        key: v.id,
        id: v.id,
        isCentral: v.isCentral,
        orgId: v.org?.id ?? null,
        name: v.name,
        room: v.room ?? '',
        address: v.address ?? '',
        onlineUrl: v.onlineUrl ?? '',
      })) ?? [],
    presenters:
      m?.presenters.map((p) => ({ key: p.id, personId: p.person?.id ?? null, orgId: p.org?.id ?? null, topic: p.topic ?? '' })) ?? [],
  };
}

function toInput(v: Values): MeetingUpdateInput {
  const num = (x: number | string) => (x === '' || x === null ? null : Number(x));
  return {
    title: v.title,
    kind: v.kind,
    mode: v.mode,
    hostOrgId: v.hostOrgId ?? '',
    networkId: v.networkId,
    subjectIds: v.subjectIds,
    grade: num(v.grade),
    startsAt: vnIso(v.day, v.startTime),
    endsAt: vnIso(v.day, v.endTime),
    chairPersonId: v.chairPersonId,
    secretaryPersonId: v.secretaryPersonId,
    plannedCount: num(v.plannedCount),
    content: v.content,
    notes: v.notes,
    agenda: v.agenda.map(({ key: _k, ...a }) => a),
    venues: v.venues.map(({ key: _k, ...x }) => ({ ...x, id: x.id ?? null })),
    presenters: v.presenters.filter((p) => p.personId || p.orgId).map(({ key: _k, ...p }) => p),
  };
}

/** Server field paths → form fields (the date and times are entered apart). */
function toFormErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, msg] of Object.entries(serverFieldErrors(e))) out[k === 'startsAt' ? 'day' : k === 'endsAt' ? 'endTime' : k] = msg;
  return out;
}

function MeetingForm({ meeting }: { meeting?: MeetingDetail }) {
  const t = useT();
  const navigate = useNavigate();
  const { selected } = useSchoolYear();
  const form = useForm<Values>({ initialValues: valuesOf(meeting) });
  const v = form.values;
  // a new meeting is hosted by the user's own school unless they choose another (issue 15, point 10)
  const defaultHost = useDefaultHost();
  const hostDefaulted = useRef(false);
  useEffect(() => {
    if (meeting || hostDefaulted.current || !defaultHost) return;
    hostDefaulted.current = true;
    if (!form.values.hostOrgId) form.setFieldValue('hostOrgId', defaultHost.id);
  }, [meeting, defaultHost, form]);
  const save = useSaveMeeting(meeting?.id ?? null);
  const networks = useNetworks({ schoolYearId: selected?.id ?? null }, Boolean(selected));
  const subjects = useSubjects();
  // The pickers search the people this meeting may invite (every school of its network), whatever the user's school.
  const unmoved = meeting && v.hostOrgId === meeting.hostOrg.id && v.networkId === (meeting.network?.id ?? null);
  const pickerScope: PickerScope | null = unmoved
    ? { meetingId: meeting.id }
    : v.hostOrgId
      ? { hostOrgId: v.hostOrgId, networkId: v.networkId }
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(toInput(v), {
      onSuccess: (m) => {
        notifySuccess(t('common.saved'));
        navigate({ to: '/meetings/$meetingId', params: { meetingId: m.id } });
      },
      onError: (err) => {
        form.setErrors(toFormErrors(err));
        focusFirstError();
        showServerError(err, t);
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Section title={t('meetings.info')}>
          <Stack gap="sm">
            <TextInput label={t('meetings.title')} required {...form.getInputProps('title')} data-testid="f-title" />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('meetings.kind')}
                required
                data={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
                {...form.getInputProps('kind')}
              />
              <Select
                label={t('meetings.mode')}
                required
                data={MEETING_MODES.map((k) => ({ value: k, label: t(`meetingMode.${k}`) }))}
                data-testid="f-mode"
                {...form.getInputProps('mode')}
              />
              <OrgPicker
                label={t('meetings.host')}
                required
                value={v.hostOrgId}
                onChange={(id) => form.setFieldValue('hostOrgId', id)}
                initial={meeting ? { ...meeting.hostOrg, code: '', shortName: null, type: 'school', levels: [] } : defaultHost}
                error={form.errors.hostOrgId}
                data-testid="f-host"
              />
              <Select
                label={t('meetings.network')}
                clearable
                data={(networks.data ?? []).map((n) => ({ value: n.id, label: n.name }))}
                data-testid="f-network"
                {...form.getInputProps('networkId')}
              />
              <DateField
                label={t('meetings.day')}
                required
                clearable={false}
                value={form.values.day}
                onChange={(d) => form.setFieldValue('day', d ?? '')}
                error={form.errors.day}
                data-testid="f-day"
              />
              <Group grow gap="xs">
                <TextInput type="time" label={t('meetings.start')} required {...form.getInputProps('startTime')} />
                <TextInput type="time" label={t('meetings.end')} required {...form.getInputProps('endTime')} />
              </Group>
              <MultiSelect
                label={t('meetings.subjects')}
                searchable
                data={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                {...form.getInputProps('subjectIds')}
              />
              <NumberInput label={t('meetings.grade')} min={1} max={12} {...form.getInputProps('grade')} />
              <PersonPicker
                scope={pickerScope}
                label={t('meetings.chair')}
                value={v.chairPersonId}
                onChange={(id) => form.setFieldValue('chairPersonId', id)}
                initial={meeting?.chair ? { id: meeting.chair.id, fullName: meeting.chair.name, orgName: null } : null}
                error={form.errors.chairPersonId}
                data-testid="f-chair"
              />
              <PersonPicker
                scope={pickerScope}
                label={t('meetings.secretary')}
                value={v.secretaryPersonId}
                onChange={(id) => form.setFieldValue('secretaryPersonId', id)}
                initial={meeting?.secretary ? { id: meeting.secretary.id, fullName: meeting.secretary.name, orgName: null } : null}
                error={form.errors.secretaryPersonId}
              />
              <NumberInput label={t('meetings.plannedCount')} min={1} {...form.getInputProps('plannedCount')} />
            </SimpleGrid>
            <Textarea label={t('meetings.content')} autosize minRows={2} {...form.getInputProps('content')} />
            <Textarea label={t('meetings.notes')} autosize minRows={1} {...form.getInputProps('notes')} />
          </Stack>
        </Section>

        <Section title={t('meetings.agenda')}>
          <Stack gap="xs">
            {v.agenda.map((a, i) => (
              <Paper key={a.key} withBorder p="xs">
                <Group align="flex-end" gap="xs" wrap="wrap">
                  <TextInput type="time" w={110} label={t('meetings.from')} {...form.getInputProps(`agenda.${i}.startsAt`)} />
                  <TextInput type="time" w={110} label={t('meetings.to')} {...form.getInputProps(`agenda.${i}.endsAt`)} />
                  <TextInput style={{ flex: '1 1 12rem' }} label={t('meetings.agendaTitle')} {...form.getInputProps(`agenda.${i}.title`)} />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t('common.remove')}
                    onClick={() => form.removeListItem('agenda', i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Paper>
            ))}
            <Button
              variant="light"
              w="fit-content"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                form.insertListItem('agenda', { key: randomId(), startsAt: v.agenda.at(-1)?.endsAt ?? v.startTime, endsAt: '', title: '' })
              }
            >
              {t('meetings.addAgenda')}
            </Button>
          </Stack>
        </Section>

        <VenuesSection form={form} />

        <Section title={t('meetings.presenters')}>
          <Stack gap="xs">
            {v.presenters.map((p, i) => (
              <Paper key={p.key} withBorder p="xs">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                  <PersonPicker
                    scope={pickerScope}
                    label={t('meetings.presenterPerson')}
                    value={p.personId}
                    onChange={(id) => form.setFieldValue(`presenters.${i}.personId`, id)}
                    initial={
                      meeting?.presenters[i]?.person
                        ? { id: meeting.presenters[i].person.id, fullName: meeting.presenters[i].person.name, orgName: null }
                        : null
                    }
                  />
                  <OrgPicker
                    label={t('meetings.presenterOrg')}
                    value={p.orgId}
                    onChange={(id) => form.setFieldValue(`presenters.${i}.orgId`, id)}
                    initial={
                      meeting?.presenters[i]?.org
                        ? { ...meeting.presenters[i].org, code: '', shortName: null, type: 'team', levels: [] }
                        : null
                    }
                  />
                  <Group align="flex-end" gap="xs" wrap="nowrap">
                    <TextInput style={{ flex: 1 }} label={t('meetings.topic')} {...form.getInputProps(`presenters.${i}.topic`)} />
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="lg"
                      aria-label={t('common.remove')}
                      onClick={() => form.removeListItem('presenters', i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </SimpleGrid>
              </Paper>
            ))}
            <Button
              variant="light"
              w="fit-content"
              leftSection={<IconPlus size={16} />}
              onClick={() => form.insertListItem('presenters', { key: randomId(), personId: null, orgId: null, topic: '' })}
            >
              {t('meetings.addPresenter')}
            </Button>
          </Stack>
        </Section>

        <Group justify="flex-end">
          <Button variant="default" onClick={() => window.history.back()}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="meeting-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A new meeting (ad hoc, or from a plan item: the server copies the item, then the draft opens for editing). */
export function MeetingCreatePage() {
  const t = useT();
  const navigate = useNavigate();
  const s = useSearch({ strict: false }) as { planItemId?: string };
  const save = useSaveMeeting(null);
  if (s.planItemId)
    return (
      <>
        <PageHeader title={t('meetings.fromPlan')} subtitle={t('meetings.fromPlanHint')} />
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate({ planItemId: s.planItemId } as never, {
              onSuccess: (m) => navigate({ to: '/meetings/$meetingId/edit', params: { meetingId: m.id } }),
              onError: (e) => showServerError(e, t),
            })
          }
          data-testid="from-plan"
        >
          {t('meetings.createFromPlan')}
        </Button>
      </>
    );
  return (
    <>
      <PageHeader title={t('meetings.new')} />
      <MeetingForm />
    </>
  );
}

/** Editing a meeting. */
export function MeetingEditPage() {
  const t = useT();
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const q = useMeeting(meetingId);
  return (
    <QueryState query={q}>
      {(m) => (
        <>
          <PageHeader title={`${t('common.edit')}: ${m.title}`} />
          <MeetingForm meeting={m} />
        </>
      )}
    </QueryState>
  );
}

export default MeetingCreatePage;
