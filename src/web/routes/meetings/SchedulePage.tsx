import { ActionIcon, Badge, Box, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { MEETING_KINDS, MEETING_STATUSES } from '@shared/enums';
import type { MeetingSummary } from '@shared/meetings';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMe } from '../../api/auth';
import { useMeetings } from '../../api/meetings';
import { useNetworks } from '../../api/networks';
import { useSubjects } from '../../api/reference';
import { ButtonLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { useSchoolYear } from '../../state/schoolYearContext';
import { CopyIcalButton } from './CopyIcalButton';
import { MeetingCard, MeetingDayList, useDayLabel } from './MeetingList';
import { addDays, mondayOf, vnDay, vnTime, vnToday, weekday } from './meetingFormat';

export interface ScheduleSearch {
  view?: 'month' | 'week' | 'list';
  date?: string;
  networkId?: string;
  kind?: string;
  subjectId?: string;
  status?: string;
}

const MANAGERS: readonly string[] = ['principal', 'vice_principal', 'office_leader', 'specialist'];
const WD = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** The days shown: the month grid (Monday-first, whole weeks), the week, or the month for the list. */
function range(view: 'month' | 'week' | 'list', anchor: string): { from: string; to: string; days: string[] } {
  if (view === 'week') {
    const from = mondayOf(anchor);
    return { from, to: addDays(from, 6), days: Array.from({ length: 7 }, (_, i) => addDays(from, i)) };
  }
  const first = `${anchor.slice(0, 7)}-01`;
  const next = `${addDays(first, 32).slice(0, 7)}-01`;
  const last = addDays(next, -1);
  if (view === 'list') return { from: first, to: last, days: [] };
  const start = addDays(first, -weekday(first));
  const end = addDays(last, 6 - weekday(last));
  const days: string[] = [];
  for (let d = start; d <= end; d = addDays(d, 1)) days.push(d);
  return { from: first, to: last, days };
}

function MonthGrid({
  days,
  month,
  meetings,
  onPick,
  selected,
}: {
  days: string[];
  month: string;
  meetings: MeetingSummary[];
  onPick: (d: string) => void;
  selected: string;
}) {
  const t = useT();
  const today = vnToday();
  return (
    <Box>
      <SimpleGrid cols={7} spacing={2} verticalSpacing={2}>
        {WD.map((w) => (
          <Text key={w} size="xs" fw={700} ta="center" c="dimmed">
            {t(`meetings.wd.${w}`)}
          </Text>
        ))}
        {days.map((d) => {
          const own = meetings.filter((m) => vnDay(m.startsAt) === d);
          const inMonth = d.startsWith(month);
          return (
            <UnstyledButton
              key={d}
              onClick={() => onPick(d)}
              aria-label={`${d}: ${own.length}`}
              aria-pressed={d === selected}
              data-testid={`day-${d}`}
              style={{
                minHeight: 64,
                padding: 4,
                borderRadius: 6,
                border: `1px solid ${d === selected ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-3)'}`,
                background: d === today ? 'var(--mantine-color-blue-0)' : undefined,
                opacity: inMonth ? 1 : 0.45,
                overflow: 'hidden',
              }}
            >
              <Text size="xs" fw={d === today ? 700 : 500}>
                {Number(d.slice(8))}
              </Text>
              <Box visibleFrom="sm">
                {own.slice(0, 3).map((m) => (
                  <Text
                    key={m.id}
                    size="xs"
                    lineClamp={1}
                    c={m.status === 'cancelled' ? 'red' : 'blue.8'}
                    td={m.status === 'cancelled' ? 'line-through' : undefined}
                  >
                    {vnTime(m.startsAt)} {m.title}
                  </Text>
                ))}
                {own.length > 3 && (
                  <Text size="xs" c="dimmed">
                    +{own.length - 3}
                  </Text>
                )}
              </Box>
              {own.length > 0 && (
                <Badge hiddenFrom="sm" size="xs" circle>
                  {own.length}
                </Badge>
              )}
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Box>
  );
}

function WeekList({ days, meetings }: { days: string[]; meetings: MeetingSummary[] }) {
  const t = useT();
  const dayLabel = useDayLabel();
  return (
    <Stack gap="sm">
      {days.map((d) => {
        const own = meetings.filter((m) => vnDay(m.startsAt) === d);
        return (
          <Paper key={d} p="xs" withBorder={d === vnToday()} bg={own.length ? undefined : 'gray.0'}>
            <Text fw={700} size="sm" mb={own.length ? 6 : 0}>
              {dayLabel(d)}
              {own.length === 0 && (
                <Text span c="dimmed" fw={400}>
                  {' '}
                  · {t('meetings.noMeeting')}
                </Text>
              )}
            </Text>
            <Stack gap={6}>
              {own.map((m) => (
                <MeetingCard key={m.id} m={m} />
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** "Lịch sinh hoạt": month grid, week list or list of meetings, filtered by network, kind, subject and status. */
export default function SchedulePage() {
  const t = useT();
  const s = useSearch({ strict: false }) as ScheduleSearch;
  const navigate = useNavigate();
  const set = (patch: Partial<ScheduleSearch>) => navigate({ to: '/meetings', search: { ...s, ...patch } as never, replace: true });
  const view = s.view ?? 'month';
  const me = useMe();
  // Creating needs host management or network leadership; the server decides, this only hides the button from teachers.
  const mayCreate = Boolean(me.data && (me.data.isAdmin || me.data.positions.some((p) => MANAGERS.includes(p.position))));
  const anchor = s.date ?? vnToday();
  const { selected: year } = useSchoolYear();
  const networks = useNetworks({ schoolYearId: year?.id ?? null }, Boolean(year));
  const subjects = useSubjects();
  const r = range(view, anchor);
  const q = useMeetings({
    from: r.days[0] ?? r.from,
    to: r.days.at(-1) ?? r.to,
    networkId: s.networkId,
    kind: s.kind as never,
    subjectId: s.subjectId,
    status: s.status as never,
  });
  const step = (n: number) =>
    set({ date: view === 'week' ? addDays(anchor, 7 * n) : `${addDays(`${anchor.slice(0, 7)}-15`, 30 * n).slice(0, 7)}-01` });
  const title =
    view === 'week'
      ? `${r.days[0].split('-').reverse().join('/')} – ${r.days[6].split('-').reverse().join('/')}`
      : t('meetings.monthLabel', { m: Number(anchor.slice(5, 7)), y: anchor.slice(0, 4) });

  return (
    <>
      <PageHeader
        title={t('meetings.schedule')}
        actions={
          <>
            {s.networkId && <CopyIcalButton networkId={s.networkId} />}
            {mayCreate && (
              <ButtonLink to="/meetings/new" search={{}} leftSection={<IconPlus size={16} />} data-testid="meeting-new">
                {t('meetings.new')}
              </ButtonLink>
            )}
          </>
        }
      />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          <Select
            aria-label={t('meetings.network')}
            placeholder={t('meetings.allNetworks')}
            clearable
            value={s.networkId ?? null}
            onChange={(v) => set({ networkId: v ?? undefined })}
            data={(networks.data ?? []).map((n) => ({ value: n.id, label: n.name }))}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            aria-label={t('meetings.kind')}
            placeholder={t('meetings.allKinds')}
            clearable
            value={s.kind ?? null}
            onChange={(v) => set({ kind: v ?? undefined })}
            data={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
          />
          <Select
            aria-label={t('meetings.subject')}
            placeholder={t('meetings.allSubjects')}
            clearable
            searchable
            value={s.subjectId ?? null}
            onChange={(v) => set({ subjectId: v ?? undefined })}
            data={(subjects.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
          <Select
            aria-label={t('meetings.status')}
            placeholder={t('meetings.allStatuses')}
            clearable
            value={s.status ?? null}
            onChange={(v) => set({ status: v ?? undefined })}
            data={MEETING_STATUSES.map((k) => ({ value: k, label: t(`meetingStatus.${k}`) }))}
          />
        </SimpleGrid>
        <Group justify="space-between" gap="xs">
          <SegmentedControl
            value={view}
            onChange={(v) => set({ view: v as ScheduleSearch['view'] })}
            data={[
              { value: 'month', label: t('meetings.viewMonth') },
              { value: 'week', label: t('meetings.viewWeek') },
              { value: 'list', label: t('meetings.viewList') },
            ]}
          />
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="default" size="lg" onClick={() => step(-1)} aria-label={t('meetings.previous')}>
              <IconChevronLeft size={18} />
            </ActionIcon>
            <Text fw={600} miw={110} ta="center" size="sm">
              {title}
            </Text>
            <ActionIcon variant="default" size="lg" onClick={() => step(1)} aria-label={t('meetings.next')}>
              <IconChevronRight size={18} />
            </ActionIcon>
          </Group>
        </Group>
        <QueryState query={q}>
          {(list) =>
            view === 'month' ? (
              <Stack gap="md">
                <MonthGrid days={r.days} month={anchor.slice(0, 7)} meetings={list} selected={anchor} onPick={(d) => set({ date: d })} />
                {list.some((m) => vnDay(m.startsAt) === anchor) ? (
                  <MeetingDayList meetings={list.filter((m) => vnDay(m.startsAt) === anchor)} />
                ) : (
                  <>
                    <Text size="sm" c="dimmed">
                      {t('meetings.noMeetingDayNext')}
                    </Text>
                    <MeetingDayList meetings={list.filter((m) => vnDay(m.startsAt) >= anchor)} empty={t('meetings.noneLater')} />
                  </>
                )}
              </Stack>
            ) : view === 'week' ? (
              <WeekList days={r.days} meetings={list} />
            ) : (
              <MeetingDayList meetings={list} />
            )
          }
        </QueryState>
      </Stack>
    </>
  );
}
