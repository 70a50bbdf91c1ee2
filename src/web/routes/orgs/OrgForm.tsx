import { Button, Checkbox, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type OrgType, SCHOOL_LEVELS, type SchoolLevel } from '@shared/enums';
import { type OrgInput, orgInput } from '@shared/schemas';
import type { OrgDetail } from '@shared/types';
import type { ReactNode } from 'react';
import { useSubjects } from '../../api/reference';
import { DateField } from '../../components/DateField';
import { useI18n } from '../../i18n/context';
import { zodFieldErrors } from '../../lib/formErrors';
import { focusFirstError } from '../../lib/notify';

interface Values {
  code: string;
  name: string;
  shortName: string;
  type: OrgType | null;
  levels: SchoolLevel[];
  address: string;
  phone: string;
  email: string;
  validFrom: string | null;
  validTo: string | null;
  subjectIds: string[];
}

const opt = (s: string) => (s.trim() ? s.trim() : null);

function toInput(v: Values, parentId: string | null): OrgInput {
  const isSchool = v.type === 'school' || v.type === 'center';
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    shortName: opt(v.shortName),
    type: (v.type ?? '') as OrgType,
    levels: isSchool ? v.levels : [],
    address: opt(v.address),
    phone: opt(v.phone),
    email: opt(v.email),
    parentId,
    validFrom: v.validFrom,
    validTo: v.validTo,
    subjectIds: v.type === 'team' ? v.subjectIds : [],
  };
}

interface Props {
  org?: OrgDetail;
  parentId: string | null;
  allowedTypes: readonly OrgType[];
  saving: boolean;
  onSubmit: (input: OrgInput, setErrors: (e: Record<string, string>) => void) => void;
  onCancel: () => void;
  /** Shown under the dates for the "Hoạt động đến ngày" being typed (the edit screen: what still points here). */
  endingNotice?: (validTo: string | null) => ReactNode;
}

/** The create/edit form of an org, validated with the shared `orgInput` schema. */
export function OrgForm({ org, parentId, allowedTypes, saving, onSubmit, onCancel, endingNotice }: Props) {
  const { t, lang } = useI18n();
  const subjects = useSubjects();
  const form = useForm<Values>({
    initialValues: {
      code: org?.code ?? '',
      name: org?.name ?? '',
      shortName: org?.shortName ?? '',
      type: org?.type ?? (allowedTypes.length === 1 ? allowedTypes[0] : null),
      levels: org?.levels ?? [],
      address: org?.address ?? '',
      phone: org?.phone ?? '',
      email: org?.email ?? '',
      validFrom: org?.validFrom ?? null,
      validTo: org?.validTo ?? null,
      subjectIds: org?.subjects.map((s) => s.id) ?? [],
    },
    validate: (v) => zodFieldErrors(orgInput, toInput(v, parentId), t, lang, { name: t('org.name'), code: t('org.code') }),
  });
  const type = form.values.type;

  return (
    <form onSubmit={form.onSubmit((v) => onSubmit(toInput(v, parentId), form.setErrors), focusFirstError)} noValidate>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
        <Stack>
          <Select
            label={t('org.type')}
            withAsterisk
            data={allowedTypes.map((x) => ({ value: x, label: t(`orgType.${x}`) }))}
            disabled={Boolean(org)}
            allowDeselect={false}
            data-testid="org-type"
            {...form.getInputProps('type')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('org.name')} withAsterisk data-testid="org-name" {...form.getInputProps('name')} />
            <TextInput
              label={t('org.code')}
              withAsterisk
              description={t('orgForm.codeHint')}
              data-testid="org-code"
              {...form.getInputProps('code')}
            />
            <TextInput label={t('org.shortName')} {...form.getInputProps('shortName')} />
          </SimpleGrid>
          {(type === 'school' || type === 'center') && (
            <Checkbox.Group label={t('org.levels')} withAsterisk={type === 'school'} {...form.getInputProps('levels')}>
              <Group mt={6} gap="lg">
                {SCHOOL_LEVELS.map((l) => (
                  <Checkbox key={l} value={l} label={t(`level.${l}`)} size="md" />
                ))}
              </Group>
            </Checkbox.Group>
          )}
          {type === 'team' && (
            <MultiSelect
              label={t('org.subjects')}
              data={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              searchable
              {...form.getInputProps('subjectIds')}
            />
          )}
          <TextInput label={t('org.address')} {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('org.phone')} type="tel" inputMode="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('org.email')} type="email" inputMode="email" {...form.getInputProps('email')} />
            <DateField label={t('org.validFrom')} {...form.getInputProps('validFrom')} />
            <DateField label={t('org.validTo')} {...form.getInputProps('validTo')} />
          </SimpleGrid>
          {endingNotice?.(form.values.validTo)}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="org-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}
