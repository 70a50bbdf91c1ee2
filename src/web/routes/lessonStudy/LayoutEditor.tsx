import { Button, Group, NumberInput, SegmentedControl, Stack, Textarea } from '@mantine/core';
import type { SeatLayout } from '@shared/lessonStudy';
import { useState } from 'react';
import { useStudyAction } from '../../api/lessonStudy';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';

/** Draws the seating map: rows × desks, or named groups (one per line). */
export function LayoutEditor({ meetingId, current, onDone }: { meetingId: string; current: SeatLayout | null; onDone: () => void }) {
  const t = useT();
  const act = useStudyAction(meetingId);
  const [kind, setKind] = useState<'grid' | 'groups'>(current?.kind ?? 'grid');
  const [rows, setRows] = useState<number>(current?.kind === 'grid' ? current.rows : 4);
  const [cols, setCols] = useState<number>(current?.kind === 'grid' ? current.cols : 6);
  const [names, setNames] = useState(current?.kind === 'groups' ? current.groupNames.join('\n') : 'Nhóm 1\nNhóm 2\nNhóm 3\nNhóm 4');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = () => {
    const layout: SeatLayout =
      kind === 'grid'
        ? { kind, rows, cols }
        : {
            kind,
            groupNames: names
              .split('\n')
              .map((s) => s.trim())
              .filter(Boolean),
          };
    act.mutate(
      { kind: 'layout', layout },
      {
        onSuccess: () => {
          notifySuccess(t('observations.mapSaved'));
          onDone();
        },
        onError: (e) => {
          setErrors(serverFieldErrors(e));
          showServerError(e, t);
        },
      },
    );
  };
  return (
    <Stack gap="sm" data-testid="layout-editor">
      <SegmentedControl
        fullWidth
        value={kind}
        onChange={(v) => setKind(v as 'grid' | 'groups')}
        data={[
          { value: 'grid', label: t('observations.mapGrid') },
          { value: 'groups', label: t('observations.mapGroups') },
        ]}
      />
      {kind === 'grid' ? (
        <Group grow>
          <NumberInput
            label={t('observations.rows')}
            min={1}
            max={12}
            value={rows}
            onChange={(v) => setRows(Number(v) || 1)}
            error={errors['layout.rows']}
            data-testid="layout-rows"
          />
          <NumberInput
            label={t('observations.cols')}
            min={1}
            max={12}
            value={cols}
            onChange={(v) => setCols(Number(v) || 1)}
            error={errors['layout.cols']}
            data-testid="layout-cols"
          />
        </Group>
      ) : (
        <Textarea
          label={t('observations.groupNames')}
          autosize
          minRows={3}
          value={names}
          onChange={(e) => setNames(e.currentTarget.value)}
          error={errors['layout.groupNames'] ?? errors.layout}
        />
      )}
      <Button size="md" onClick={save} loading={act.isPending} data-testid="layout-save">
        {t('observations.saveMap')}
      </Button>
    </Stack>
  );
}
