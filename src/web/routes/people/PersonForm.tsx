import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { SCHOOL_LEVELS } from '@shared/enums';
import { type PersonInput, personInput } from '@shared/schemas';
import type { OrgSummary, PersonDetail } from '@shared/types';
import { useSubjects } from '../../api/reference';
import { useI18n } from '../../i18n/context';
import { zodFieldErrors } from '../../lib/formErrors';
import { focusFirstError } from '../../lib/notify';
import { PositionRows } from './PositionRows';
import { initialPersonValues, type PersonValues, toPersonInput } from './personFormValues';

interface Props {
  person?: PersonDetail;
  org?: OrgSummary | null;
  saving: boolean;
  onSubmit: (input: PersonInput, setErrors: (e: Record<string, string>) => void) => void;
  onCancel: () => void;
}

/** Create/edit form of a person with their positions, validated with the shared `personInput` schema. */
export function PersonForm({ person, org = null, saving, onSubmit, onCancel }: Props) {
  const { t, lang } = useI18n();
  const subjects = useSubjects();
  const form = useForm<PersonValues>({
    initialValues: initialPersonValues(person, org),
    validate: (v) => zodFieldErrors(personInput, toPersonInput(v), t, lang),
  });

  return (
    <form onSubmit={form.onSubmit((v) => onSubmit(toPersonInput(v), form.setErrors), focusFirstError)} noValidate>
      <Stack>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('person.fullName')} withAsterisk data-testid="person-name" {...form.getInputProps('fullName')} />
            <TextInput label={t('person.code')} {...form.getInputProps('code')} />
            <TextInput label={t('person.email')} type="email" inputMode="email" {...form.getInputProps('email')} />
            <TextInput label={t('person.phone')} type="tel" inputMode="tel" {...form.getInputProps('phone')} />
            <Select
              label={t('person.gender')}
              clearable
              data={[
                { value: 'female', label: t('gender.female') },
                { value: 'male', label: t('gender.male') },
              ]}
              size="md"
              {...form.getInputProps('gender')}
            />
            <MultiSelect
              label={t('person.subjects')}
              searchable
              data={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              size="md"
              {...form.getInputProps('subjectIds')}
            />
            <MultiSelect
              label={t('person.teachingLevels')}
              description={t('person.teachingLevelsHint')}
              placeholder={t('person.teachingLevelsDerived')}
              data={SCHOOL_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
              size="md"
              data-testid="person-teaching-levels"
              {...form.getInputProps('teachingLevels')}
            />
          </SimpleGrid>
        </Paper>
        <PositionRows form={form} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving} data-testid="person-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
