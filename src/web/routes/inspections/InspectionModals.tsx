import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { InspectionAreaView } from '@shared/inspections';
import type { SchoolYear } from '@shared/types';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useCreateArea, useCreateInspection } from '../../api/inspections';
import { DateField } from '../../components/DateField';
import { OrgMultiPicker } from '../../components/OrgMultiPicker';
import { OrgPicker } from '../../components/OrgPicker';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';
import { monthLabel, monthsOf } from '../programme/programmeFormat';

/** Adds a row to the Sở's inspection plan: the area (as printed) with its districts or communes, and the month. */
export function AreaModal({
  opened,
  year,
  provinceOrgId,
  onClose,
}: {
  opened: boolean;
  year: SchoolYear;
  provinceOrgId: string;
  onClose: () => void;
}) {
  const t = useT();
  const create = useCreateArea();
  const [label, setLabel] = useState('');
  const [areaOrgIds, setAreaOrgIds] = useState<string[]>([]);
  const [month, setMonth] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = () => {
    const missing: Record<string, string> = {};
    if (!label.trim()) missing.label = t('validation.required', { label: t('inspections.area') });
    if (!month) missing.month = t('validation.required', { label: t('inspections.month') });
    if (Object.keys(missing).length > 0) return setErrors(missing);
    create.mutate(
      { schoolYearId: year.id, provinceOrgId, label, areaOrgIds, month: month as string },
      {
        onSuccess: () => {
          notifySuccess(t('inspections.areaSaved'));
          setLabel('');
          setAreaOrgIds([]);
          setMonth(null);
          onClose();
        },
        onError: (e) => showServerError(e, t, setErrors),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('inspections.addArea')} size="lg">
      <Stack>
        <TextInput
          label={t('inspections.area')}
          withAsterisk
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errors.label}
          size="md"
          data-testid="area-label"
        />
        <OrgMultiPicker
          label={t('inspections.areaOrgs')}
          value={areaOrgIds}
          onChange={setAreaOrgIds}
          types={['district_office', 'commune']}
          date={year.startDate}
          error={errors.areaOrgIds}
        />
        <Select
          label={t('inspections.month')}
          withAsterisk
          data={monthsOf(year).map((m) => ({ value: m, label: t('programme.monthValue', { month: monthLabel(m) }) }))}
          value={month}
          onChange={setMonth}
          error={errors.month}
          size="md"
          data-testid="area-month"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={create.isPending} onClick={save} data-testid="area-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Plans the inspection of a school or centre: date, inspection team, area of the plan. */
export function InspectionModal({
  opened,
  year,
  areas,
  onClose,
}: {
  opened: boolean;
  year: SchoolYear;
  areas: InspectionAreaView[];
  onClose: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateInspection();
  const [unitOrgId, setUnit] = useState<string | null>(null);
  const [visitDate, setDate] = useState<string | null>(null);
  const [inspectors, setInspectors] = useState('');
  const [areaId, setArea] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = () => {
    const names = inspectors
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const missing: Record<string, string> = {};
    if (!unitOrgId) missing.unitOrgId = t('validation.required', { label: t('inspections.unit') });
    if (!visitDate) missing.visitDate = t('validation.required', { label: t('inspections.visitDate') });
    if (names.length === 0) missing.inspectors = t('validation.required', { label: t('inspections.inspectors') });
    if (Object.keys(missing).length > 0) return setErrors(missing);
    create.mutate(
      { schoolYearId: year.id, unitOrgId, visitDate: visitDate as string, inspectors: names, areaId },
      {
        onSuccess: (v) => {
          notifySuccess(t('inspections.created'));
          onClose();
          navigate({ to: '/inspections/$inspectionId', params: { inspectionId: v.id } });
        },
        onError: (e) => showServerError(e, t, setErrors),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('inspections.addTitle')} size="lg">
      <Stack>
        <OrgPicker
          label={t('inspections.unit')}
          withAsterisk
          value={unitOrgId}
          onChange={(id) => setUnit(id)}
          types={['school', 'center']}
          date={year.startDate}
          error={errors.unitOrgId}
          size="md"
          data-testid="inspection-unit"
        />
        <DateField
          label={t('inspections.visitDate')}
          withAsterisk
          value={visitDate}
          onChange={setDate}
          error={errors.visitDate}
          size="md"
          data-testid="inspection-date"
        />
        <Textarea
          label={t('inspections.inspectors')}
          description={t('inspections.inspectorsHint')}
          withAsterisk
          autosize
          minRows={3}
          value={inspectors}
          onChange={(e) => setInspectors(e.currentTarget.value)}
          error={errors.inspectors}
          size="md"
          data-testid="inspection-inspectors"
        />
        <Select
          label={t('inspections.areaPick')}
          clearable
          data={areas.map((a) => ({ value: a.id, label: `${a.label} (${t('programme.monthValue', { month: monthLabel(a.month) })})` }))}
          value={areaId}
          onChange={setArea}
          error={errors.areaId}
          size="md"
          data-testid="inspection-area"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={create.isPending} onClick={save} data-testid="inspection-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
