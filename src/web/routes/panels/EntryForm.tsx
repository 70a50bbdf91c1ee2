import { Alert, Button, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import type { PanelEventView } from '@shared/panels';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useMe } from '../../api/auth';
import { useOrg, useOrgPeople } from '../../api/orgs';
import { useSubmitEntry } from '../../api/panels';
import { OrgPicker } from '../../components/OrgPicker';
import { Section } from '../../components/Section';
import { type TFunction, useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { errorMessage } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';
import { DossierEditor, type DossierRow, dossierRow } from './DossierEditor';

type Entry = PanelEventView['entries'][number];

const starter = (t: TFunction): DossierRow[] => [
  dossierRow({ part: 'team_plan', title: t('panels.entry.defaultPlan'), url: '', materialId: null }),
  dossierRow({ part: 'video', title: t('panels.entry.defaultVideo'), url: '', materialId: null }),
];

const rowsOf = (e: Entry): DossierRow[] =>
  e.dossier.map((d) => dossierRow({ part: d.part, title: d.title, url: d.url ?? '', materialId: d.materialId, materialTitle: d.title }));

/** The teams the user heads or manages: their own team, or the teams of the school they lead. */
function useMyTeams() {
  const me = useMe();
  const positions = me.data?.positions ?? [];
  const school = positions.find((p) => p.orgType === 'school' && ['principal', 'vice_principal'].includes(p.position));
  const schoolOrg = useOrg(school?.orgId ?? null);
  return useMemo(() => {
    const own = positions.filter((p) => p.orgType === 'team').map((p) => ({ value: p.orgId, label: p.orgName }));
    const led = (schoolOrg.data?.children ?? []).filter((c) => c.type === 'team').map((c) => ({ value: c.id, label: c.name }));
    return [...own, ...led.filter((l) => !own.some((o) => o.value === l.value))];
  }, [positions, schoolOrg.data]);
}

/** A team's entry (seed 004): dossier items and the video report, presenters; before the deadline, replaceable until scored. */
export function EntryForm({ event }: { event: PanelEventView }) {
  const t = useT();
  const teams = useMyTeams();
  const submit = useSubmitEntry(event.id);
  const [teamId, setTeamId] = useState<string | null>(teams.length === 1 ? teams[0].value : null);
  const team = teamId ?? (teams.length === 1 ? teams[0].value : null);
  const existing = event.entries.find((e) => e.team.id === team);
  const [rows, setRows] = useState<DossierRow[] | null>(null);
  const [presenters, setPresenters] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [expanded, setExpanded] = useState(false);
  const people = useOrgPeople(team ?? '', Boolean(team));
  // biome-ignore lint/correctness/useExhaustiveDependencies: new default rows only when another entry (or none) is shown
  const defaults = useMemo(() => (existing ? rowsOf(existing) : starter(t)), [existing?.id, existing?.submittedAt]);
  const shownRows = rows ?? defaults;
  const shownPresenters = presenters ?? existing?.presenters.map((p) => p.id) ?? [];
  const peopleOptions = [
    ...(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName })),
    ...(existing?.presenters ?? [])
      .filter((p) => !(people.data ?? []).some((x) => x.id === p.id))
      .map((p) => ({ value: p.id, label: p.fullName })),
  ];

  const chooseTeam = (id: string | null) => {
    setTeamId(id);
    setRows(null);
    setPresenters(null);
    setErrors({});
  };
  const send = () => {
    setRefusal(null);
    submit.mutate(
      {
        teamOrgId: team ?? '',
        presenterIds: shownPresenters,
        dossier: shownRows.map((r) => ({ part: r.part, title: r.title, url: r.materialId ? null : r.url, materialId: r.materialId })),
      },
      {
        onSuccess: () => {
          notifySuccess(existing ? t('panels.entry.replaced') : t('panels.entry.submitted'));
          setRows(null);
          setPresenters(null);
          setErrors({});
        },
        onError: (e) => {
          setRefusal(errorMessage(e, t));
          showServerError(e, t, setErrors);
        },
      },
    );
  };

  // Organisers (no team of their own) submit for a team only when they ask to: the form stays folded.
  if (teams.length === 0 && !expanded)
    return (
      // A long label on a 390 px phone: it wraps instead of widening the page.
      <Button
        size="md"
        variant="light"
        mb="sm"
        maw="100%"
        h="auto"
        mih={42}
        py={6}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
        onClick={() => setExpanded(true)}
        data-testid="entry-form-open"
      >
        {t('panels.entry.forTeam')}
      </Button>
    );
  return (
    <Section title={existing ? t('panels.entry.replaceTitle') : t('panels.entry.title')} testId="entry-form">
      <Stack gap="sm">
        <Alert color="yellow" icon={<IconClock size={20} />} data-testid="entry-deadline">
          {t('panels.entry.deadline', { at: formatDateTime(event.submissionDeadline) })}
        </Alert>
        {teams.length > 0 ? (
          <Select
            size="md"
            label={t('panels.team')}
            data={teams}
            value={team}
            onChange={chooseTeam}
            error={errors.teamOrgId}
            allowDeselect={false}
            withAsterisk
            data-testid="entry-team"
          />
        ) : (
          <OrgPicker
            size="md"
            label={t('panels.team')}
            types={['team']}
            value={team}
            onChange={(id) => chooseTeam(id)}
            error={errors.teamOrgId}
            withAsterisk
            data-testid="entry-team"
          />
        )}
        {existing && (
          <Text size="sm" c="dimmed" data-testid="entry-existing">
            {t('panels.entry.alreadySent', { at: formatDateTime(existing.submittedAt) })}
          </Text>
        )}
        <MultiSelect
          size="md"
          label={t('panels.entry.presenters')}
          description={t('panels.entry.presentersHelp')}
          data={peopleOptions}
          value={shownPresenters}
          onChange={setPresenters}
          error={errors.presenterIds}
          searchable
          disabled={!team}
          withAsterisk
          data-testid="entry-presenters"
        />
        <DossierEditor rows={shownRows} onChange={setRows} teamId={team} errors={errors} />
        {refusal && (
          <Alert color="red" icon={<IconAlertTriangle size={20} />} data-testid="entry-refused">
            {refusal}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button size="md" loading={submit.isPending} onClick={send} disabled={!team} data-testid="entry-submit">
            {existing ? t('panels.entry.replace') : t('panels.entry.submit')}
          </Button>
        </Group>
      </Stack>
    </Section>
  );
}
