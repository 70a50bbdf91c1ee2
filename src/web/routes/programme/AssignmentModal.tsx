import { Button, Group, Modal, NumberInput, Select, Stack } from '@mantine/core';
import { SCHOOL_LEVELS, type SchoolLevel } from '@shared/enums';
import type { SchoolYear } from '@shared/types';
import { useEffect, useState } from 'react';
import { useCreateAssignment } from '../../api/programme';
import { useSubjects } from '../../api/reference';
import { OrgPicker } from '../../components/OrgPicker';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';
import { monthLabel, monthsOf } from './programmeFormat';

/** The Sở assigns a province-level meeting: level, unit, subject and grade, month. */
export function AssignmentModal({ opened, year, onClose }: { opened: boolean; year: SchoolYear; onClose: () => void }) {
  const t = useT();
  const subjects = useSubjects();
  const create = useCreateAssignment();
  const [level, setLevel] = useState<SchoolLevel | null>('lower_secondary');
  const [unitOrgId, setUnit] = useState<string | null>(null);
  const [subjectId, setSubject] = useState<string | null>(null);
  const [grade, setGrade] = useState<number | string>('');
  const [month, setMonth] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (opened) setErrors({});
  }, [opened]);
  const required = (key: 'programme.unit' | 'programme.subject' | 'programme.month') => t('validation.required', { label: t(key) });
  const save = () => {
    const missing: Record<string, string> = {};
    if (!unitOrgId) missing.unitOrgId = required('programme.unit');
    if (!subjectId) missing.subjectId = required('programme.subject');
    if (!month) missing.month = required('programme.month');
    if (Object.keys(missing).length > 0) return setErrors(missing);
    create.mutate(
      {
        schoolYearId: year.id,
        level: level ?? 'lower_secondary',
        unitOrgId: unitOrgId as string,
        subjectId: subjectId as string,
        grade: grade === '' ? null : Number(grade),
        month: month as string,
      },
      {
        onSuccess: () => {
          notifySuccess(t('programme.saved'));
          setUnit(null);
          setSubject(null);
          setGrade('');
          setMonth(null);
          onClose();
        },
        onError: (e) => showServerError(e, t, setErrors),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('programme.addTitle')} size="lg">
      <Stack>
        <Select
          label={t('programme.level')}
          data={SCHOOL_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          value={level}
          onChange={(v) => setLevel(v as SchoolLevel | null)}
          allowDeselect={false}
          size="md"
          error={errors.level}
          data-testid="assignment-level"
        />
        <OrgPicker
          label={t('programme.unit')}
          withAsterisk
          value={unitOrgId}
          onChange={(id) => setUnit(id)}
          types={['district_office', 'commune', 'school', 'center']}
          date={year.startDate}
          size="md"
          error={errors.unitOrgId}
          data-testid="assignment-unit"
        />
        <Group grow align="flex-start">
          <Select
            label={t('programme.subject')}
            withAsterisk
            searchable
            data={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            value={subjectId}
            onChange={setSubject}
            size="md"
            error={errors.subjectId}
            data-testid="assignment-subject"
          />
          <NumberInput
            label={t('programme.grade')}
            min={1}
            max={12}
            value={grade}
            onChange={setGrade}
            size="md"
            error={errors.grade}
            data-testid="assignment-grade"
            style={{ maxWidth: '8rem' }}
          />
        </Group>
        <Select
          label={t('programme.month')}
          withAsterisk
          data={monthsOf(year).map((m) => ({ value: m, label: t('programme.monthValue', { month: monthLabel(m) }) }))}
          value={month}
          onChange={setMonth}
          size="md"
          error={errors.month}
          data-testid="assignment-month"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={create.isPending} onClick={save} data-testid="assignment-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
