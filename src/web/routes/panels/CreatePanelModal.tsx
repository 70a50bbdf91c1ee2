import { Button, CloseButton, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { OFFICE_TYPES } from '@shared/enums';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useCreatePanel } from '../../api/panels';
import { useRubrics } from '../../api/rubrics';
import { OrgPicker } from '../../components/OrgPicker';
import { type PersonOption, PersonPicker } from '../../components/PersonPicker';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';

/** Creates an event: organiser, title, date, deadline, N to select, rubric, panel head and members. */
export function CreatePanelModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreatePanel();
  const rubrics = useRubrics();
  const [v, setV] = useState({
    organiserOrgId: null as string | null,
    title: '',
    eventDate: '',
    deadline: '',
    place: '',
    selectCount: 3 as number | string,
    rubricId: null as string | null,
    headPersonId: null as string | null,
  });
  const [members, setMembers] = useState<PersonOption[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set =
    <K extends keyof typeof v>(k: K) =>
    (value: (typeof v)[K]) =>
      setV((o) => ({ ...o, [k]: value }));
  const submit = () =>
    create.mutate(
      {
        organiserOrgId: v.organiserOrgId ?? '',
        title: v.title,
        eventDate: v.eventDate,
        place: v.place || null,
        submissionDeadline: v.deadline ? `${v.deadline}:00+07:00` : '',
        selectCount: Number(v.selectCount),
        rubricId: v.rubricId ?? '',
        headPersonId: v.headPersonId ?? '',
        memberIds: members.map((m) => m.id),
      },
      {
        onSuccess: (e) => {
          notifySuccess(t('panels.created'));
          onClose();
          navigate({ to: '/panels/$eventId', params: { eventId: e.id } });
        },
        onError: (e) => showServerError(e, t, setErrors),
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('panels.create')} size="lg">
      <Stack gap="sm">
        <OrgPicker
          size="md"
          label={t('panels.organiser')}
          types={OFFICE_TYPES}
          value={v.organiserOrgId}
          onChange={(id) => set('organiserOrgId')(id)}
          error={errors.organiserOrgId}
          withAsterisk
          data-testid="panel-organiser"
        />
        <TextInput
          size="md"
          label={t('panels.eventTitle')}
          value={v.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={errors.title}
          withAsterisk
          data-testid="panel-title"
        />
        <Group grow wrap="wrap">
          <TextInput
            size="md"
            type="date"
            label={t('panels.eventDate')}
            value={v.eventDate}
            onChange={(e) => set('eventDate')(e.currentTarget.value)}
            error={errors.eventDate}
            withAsterisk
            data-testid="panel-date"
          />
          <TextInput
            size="md"
            type="datetime-local"
            label={t('panels.deadline')}
            value={v.deadline}
            onChange={(e) => set('deadline')(e.currentTarget.value)}
            error={errors.submissionDeadline}
            withAsterisk
            data-testid="panel-deadline"
          />
        </Group>
        <TextInput
          size="md"
          label={t('panels.place')}
          value={v.place}
          onChange={(e) => set('place')(e.currentTarget.value)}
          error={errors.place}
        />
        <Group grow wrap="wrap">
          <NumberInput
            size="md"
            label={t('panels.selectCount')}
            min={1}
            max={100}
            value={v.selectCount}
            onChange={set('selectCount')}
            error={errors.selectCount}
            data-testid="panel-select-count"
          />
          <Select
            size="md"
            label={t('panels.rubric')}
            data={(rubrics.data ?? []).filter((r) => !r.noGrading).map((r) => ({ value: r.id, label: r.name }))}
            value={v.rubricId}
            onChange={set('rubricId')}
            error={errors.rubricId}
            withAsterisk
            data-testid="panel-rubric"
          />
        </Group>
        <PersonPicker
          size="md"
          label={t('panels.head')}
          value={v.headPersonId}
          onChange={(id) => set('headPersonId')(id)}
          error={errors.headPersonId}
          withAsterisk
          data-testid="panel-head"
        />
        <PersonPicker
          key={members.length}
          size="md"
          label={t('panels.addMember')}
          value={null}
          onChange={(id, p) => id && p && !members.some((m) => m.id === id) && setMembers((ms) => [...ms, p])}
          error={errors.memberIds}
          data-testid="panel-member"
        />
        {members.map((m) => (
          <Group key={m.id} gap="xs" justify="space-between">
            <Text size="sm">{m.orgName ? `${m.fullName} — ${m.orgName}` : m.fullName}</Text>
            <CloseButton aria-label={t('panels.removeMember')} onClick={() => setMembers((ms) => ms.filter((x) => x.id !== m.id))} />
          </Group>
        ))}
        <Group justify="flex-end">
          <Button variant="default" size="md" onClick={onClose}>
            {t('materials.cancel')}
          </Button>
          <Button size="md" loading={create.isPending} onClick={submit} data-testid="panel-create-submit">
            {t('panels.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
