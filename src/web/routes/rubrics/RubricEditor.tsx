import { ActionIcon, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { OFFICE_TYPES } from '@shared/enums';
import { RUBRIC_PURPOSES, type Rubric, type RubricPurpose } from '@shared/rubrics';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useSaveRubric } from '../../api/rubrics';
import { OrgPicker } from '../../components/OrgPicker';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';

interface Draft {
  uid: string;
  title: string;
  criteria: Array<{ uid: string; title: string; maxPoints: number | string }>;
}

let seq = 0;
/** A stable React key for a row being edited. */
const uid = () => `r${++seq}`;

/** A simple editor: name, issuing org, purpose, "no grading", groups of criteria with their maximum points. */
export function RubricEditor({ from, editing, onClose }: { from: Rubric; editing: boolean; onClose: () => void }) {
  const t = useT();
  const save = useSaveRubric(editing ? from.id : null);
  const [name, setName] = useState(editing ? from.name : t('rubrics.copyOf', { name: from.name }));
  const [ownerOrgId, setOwner] = useState<string | null>(editing ? (from.ownerOrg?.id ?? null) : null);
  const [purpose, setPurpose] = useState<RubricPurpose>(from.purpose);
  const [noGrading, setNoGrading] = useState(from.noGrading);
  const [groups, setGroups] = useState<Draft[]>(
    from.groups.map((g) => ({
      uid: uid(),
      title: g.title,
      criteria: g.criteria.map((c) => ({ uid: uid(), title: c.title, maxPoints: c.maxPoints })),
    })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const editGroup = (i: number, f: (g: Draft) => Draft) => setGroups((gs) => gs.map((g, j) => (j === i ? f(g) : g)));
  const submit = () =>
    save.mutate(
      {
        ownerOrgId: ownerOrgId ?? '',
        name,
        purpose,
        noGrading,
        groups: groups.map((g) => ({
          title: g.title,
          criteria: g.criteria.map((c) => ({ title: c.title, maxPoints: Number(c.maxPoints) || 0 })),
        })),
      },
      {
        onSuccess: () => {
          notifySuccess(t('rubrics.saved'));
          onClose();
        },
        onError: (e) => showServerError(e, t, setErrors),
      },
    );
  return (
    <Modal opened onClose={onClose} title={editing ? t('rubrics.edit') : t('rubrics.new')} size="xl">
      <Stack gap="sm">
        <TextInput
          size="md"
          label={t('rubrics.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          withAsterisk
          data-testid="rubric-name"
        />
        {!editing && (
          <OrgPicker
            size="md"
            label={t('rubrics.owner')}
            types={OFFICE_TYPES}
            value={ownerOrgId}
            onChange={(id) => setOwner(id)}
            error={errors.ownerOrgId}
            withAsterisk
            data-testid="rubric-owner"
          />
        )}
        <Group grow wrap="wrap" align="flex-end">
          <Select
            size="md"
            label={t('rubrics.purpose')}
            data={RUBRIC_PURPOSES.map((p) => ({ value: p, label: t(`rubrics.purpose.${p}`) }))}
            value={purpose}
            onChange={(v) => v && setPurpose(v as RubricPurpose)}
            allowDeselect={false}
          />
          <Checkbox size="md" label={t('rubrics.noGrading')} checked={noGrading} onChange={(e) => setNoGrading(e.currentTarget.checked)} />
        </Group>
        {errors.groups && (
          <Text c="red" size="sm">
            {errors.groups}
          </Text>
        )}
        {groups.map((g, gi) => (
          <Stack key={g.uid} gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
            <Group gap="xs" wrap="nowrap">
              <TextInput
                size="md"
                style={{ flex: 1 }}
                aria-label={t('rubrics.groupTitle')}
                placeholder={t('rubrics.groupTitle')}
                value={g.title}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  editGroup(gi, (x) => ({ ...x, title: v }));
                }}
                error={errors[`groups.${gi}.title`]}
              />
              <ActionIcon
                size="lg"
                variant="subtle"
                color="red"
                aria-label={t('rubrics.removeGroup')}
                onClick={() => setGroups((gs) => gs.filter((_, j) => j !== gi))}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
            {g.criteria.map((c, ci) => (
              <Group key={c.uid} gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" w={28} pt={8}>
                  {ci + 1}.
                </Text>
                <TextInput
                  size="sm"
                  style={{ flex: 1 }}
                  aria-label={t('rubrics.criterion')}
                  value={c.title}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    editGroup(gi, (x) => ({ ...x, criteria: x.criteria.map((y, k) => (k === ci ? { ...y, title: v } : y)) }));
                  }}
                  error={errors[`groups.${gi}.criteria.${ci}.title`]}
                />
                <NumberInput
                  size="sm"
                  w={90}
                  min={0}
                  aria-label={t('rubrics.maxPoints')}
                  value={c.maxPoints}
                  onChange={(v) =>
                    editGroup(gi, (x) => ({ ...x, criteria: x.criteria.map((y, k) => (k === ci ? { ...y, maxPoints: v } : y)) }))
                  }
                  error={errors[`groups.${gi}.criteria.${ci}.maxPoints`]}
                />
                <ActionIcon
                  size="lg"
                  variant="subtle"
                  color="red"
                  aria-label={t('rubrics.removeCriterion')}
                  onClick={() => editGroup(gi, (x) => ({ ...x, criteria: x.criteria.filter((_, k) => k !== ci) }))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => editGroup(gi, (x) => ({ ...x, criteria: [...x.criteria, { uid: uid(), title: '', maxPoints: 0 }] }))}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('rubrics.addCriterion')}
            </Button>
          </Stack>
        ))}
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => setGroups((gs) => [...gs, { uid: uid(), title: '', criteria: [{ uid: uid(), title: '', maxPoints: 0 }] }])}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('rubrics.addGroup')}
        </Button>
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={onClose}>
            {t('materials.cancel')}
          </Button>
          <Button size="md" loading={save.isPending} onClick={submit} data-testid="rubric-save">
            {t('rubrics.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
