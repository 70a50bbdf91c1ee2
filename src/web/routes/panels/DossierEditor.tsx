import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { DOSSIER_PARTS, type DossierPart } from '@shared/panels';
import { IconLink, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useMaterials } from '../../api/materials';
import { useMeetings, useMyMeetings } from '../../api/meetings';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { UploadModal } from '../materials/UploadModal';

export interface DossierRow {
  /** A stable React key for the row. */
  key: string;
  part: DossierPart;
  title: string;
  url: string;
  materialId: string | null;
  /** Shown instead of the link field when the item is an uploaded material. */
  materialTitle?: string;
}

let seq = 0;
/** A new row with its own key. */
export const dossierRow = (r: Omit<DossierRow, 'key'>): DossierRow => ({ ...r, key: `row-${++seq}` });

/** The start of the current school year (it opens in September; teams often meet from August). */
function schoolYearStart(): string {
  const now = new Date();
  const year = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
  return `${year}-08-01`;
}

/**
 * Adds a meeting of this school year (its page holds the signed minutes) as an item of the meeting-record book: the
 * meetings the team hosts and those the user took part in.
 */
function TeamMeetingPicker({ teamId, onAdd }: { teamId: string | null; onAdd: (row: Omit<DossierRow, 'key'>) => void }) {
  const t = useT();
  const from = schoolYearStart();
  const hosted = useMeetings({ orgId: teamId ?? undefined, from }, Boolean(teamId));
  const mine = useMyMeetings({ from });
  const rows = [...(hosted.data ?? []), ...(mine.data ?? []).filter((m) => !(hosted.data ?? []).some((h) => h.id === m.id))]
    .filter((m) => m.status !== 'cancelled' && m.status !== 'draft')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Select
      size="md"
      label={t('panels.entry.addMeeting')}
      description={t('panels.entry.addMeetingHelp')}
      placeholder={rows.length ? t('panels.entry.pickMeeting') : t('panels.entry.noMeetings')}
      disabled={!teamId || rows.length === 0}
      data={rows.map((m) => ({ value: m.id, label: `${formatDate(m.startsAt)} · ${m.title}` }))}
      value={null}
      searchable
      onChange={(id) => {
        const m = rows.find((x) => x.id === id);
        if (m)
          onAdd({
            part: 'meeting_book',
            title: t('panels.entry.meetingItem', { title: m.title, date: formatDate(m.startsAt) }),
            url: `${window.location.origin}/meetings/${m.id}`,
            materialId: null,
          });
      }}
      data-testid="entry-add-meeting"
    />
  );
}

/** Adds a material of the library (already uploaded, or uploaded now) as a dossier item. */
function MaterialPicker({ onAdd }: { onAdd: (row: Omit<DossierRow, 'key'>) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const [uploading, setUploading] = useState(false);
  const found = useMaterials({ q: q.trim() || undefined });
  const add = (m: { id: string; title: string; materialKind: string }) =>
    onAdd({
      part: m.materialKind === 'video' ? 'video' : 'other',
      title: m.title,
      url: '',
      materialId: m.id,
      materialTitle: m.title,
    });
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <Select
        size="md"
        style={{ flex: '1 1 240px' }}
        label={t('panels.entry.addMaterial')}
        placeholder={t('panels.entry.searchMaterial')}
        searchable
        searchValue={q}
        onSearchChange={setQ}
        filter={({ options }) => options}
        data={(found.data ?? []).map((m) => ({ value: m.id, label: m.title }))}
        value={null}
        onChange={(id) => {
          const m = found.data?.find((x) => x.id === id);
          if (m) add(m);
          setQ('');
        }}
        data-testid="entry-add-material"
      />
      <Button size="md" variant="light" leftSection={<IconUpload size={18} />} onClick={() => setUploading(true)}>
        {t('panels.entry.uploadFile')}
      </Button>
      <UploadModal opened={uploading} onClose={() => setUploading(false)} onUploaded={add} />
    </Group>
  );
}

/** The dossier's items: part, title, and a link or an uploaded material; with pickers for meetings and materials. */
export function DossierEditor({
  rows,
  onChange,
  teamId,
  errors,
}: {
  rows: DossierRow[];
  onChange: (rows: DossierRow[]) => void;
  teamId: string | null;
  errors: Record<string, string>;
}) {
  const t = useT();
  const update = (i: number, patch: Partial<DossierRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = (row: Omit<DossierRow, 'key'>) => onChange([...rows, dossierRow(row)]);
  return (
    <Stack gap="xs">
      <Text fw={600}>{t('panels.entry.dossier')}</Text>
      <Text size="sm" c="dimmed">
        {t('panels.entry.dossierHelp')}
      </Text>
      {rows.map((r, i) => (
        <Card key={r.key} withBorder padding="xs" data-testid="dossier-row">
          <Stack gap={6}>
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <Select
                size="md"
                style={{ flex: 1 }}
                label={t('panels.entry.part')}
                data={DOSSIER_PARTS.map((p) => ({ value: p, label: t(`panels.part.${p}`) }))}
                value={r.part}
                allowDeselect={false}
                onChange={(p) => p && update(i, { part: p as DossierPart })}
                data-testid={`dossier-part-${i}`}
              />
              <ActionIcon
                size="xl"
                variant="subtle"
                color="red"
                aria-label={t('panels.entry.removeItem')}
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
              >
                <IconTrash size={20} />
              </ActionIcon>
            </Group>
            <TextInput
              size="md"
              label={t('panels.entry.itemTitle')}
              value={r.title}
              onChange={(e) => update(i, { title: e.currentTarget.value })}
              error={errors[`dossier.${i}.title`]}
              data-testid={`dossier-title-${i}`}
            />
            {r.materialId ? (
              <Text size="sm" data-testid={`dossier-material-${i}`}>
                {t('panels.entry.fromLibrary', { title: r.materialTitle ?? r.title })}
              </Text>
            ) : (
              <TextInput
                size="md"
                type="url"
                label={t('panels.entry.link')}
                placeholder="https://"
                leftSection={<IconLink size={16} />}
                value={r.url}
                onChange={(e) => update(i, { url: e.currentTarget.value })}
                error={errors[`dossier.${i}.url`] ?? errors[`dossier.${i}.materialId`]}
                data-testid={`dossier-url-${i}`}
              />
            )}
          </Stack>
        </Card>
      ))}
      {errors.dossier && (
        <Text c="red" size="sm" data-testid="dossier-error">
          {errors.dossier}
        </Text>
      )}
      <Button
        size="md"
        variant="default"
        w="fit-content"
        leftSection={<IconPlus size={18} />}
        onClick={() => add({ part: 'other', title: '', url: '', materialId: null })}
        data-testid="dossier-add-link"
      >
        {t('panels.entry.addLink')}
      </Button>
      <TeamMeetingPicker teamId={teamId} onAdd={add} />
      <MaterialPicker onAdd={add} />
    </Stack>
  );
}
