import { Button, Fieldset, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { type SchoolYearInput, schoolYearInput } from '@shared/schemas';
import type { SchoolYear } from '@shared/types';
import { useSaveSchoolYear } from '../../api/reference';
import { DateField } from '../../components/DateField';
import { useI18n } from '../../i18n/context';
import { zodFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';

interface Values {
  code: string;
  startDate: string | null;
  endDate: string | null;
  terms: Array<{ number: 1 | 2; startDate: string | null; endDate: string | null }>;
}

function toInput(v: Values): SchoolYearInput {
  return {
    code: v.code.trim(),
    startDate: v.startDate ?? '',
    endDate: v.endDate ?? '',
    terms: v.terms.map((x) => ({ number: x.number, startDate: x.startDate ?? '', endDate: x.endDate ?? '' })),
  };
}

/** Create/edit a school year with its two terms. */
export function SchoolYearFormModal({ year, onClose }: { year: SchoolYear | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const save = useSaveSchoolYear(year?.id ?? null);
  const term = (n: 1 | 2) => year?.terms.find((x) => x.number === n);
  const form = useForm<Values>({
    initialValues: {
      code: year?.code ?? '',
      startDate: year?.startDate ?? null,
      endDate: year?.endDate ?? null,
      terms: [1, 2].map((n) => ({
        number: n as 1 | 2,
        startDate: term(n as 1 | 2)?.startDate ?? null,
        endDate: term(n as 1 | 2)?.endDate ?? null,
      })),
    },
    validate: (v) => zodFieldErrors(schoolYearInput, toInput(v), t, lang),
  });
  const submit = form.onSubmit((v) =>
    save.mutate(toInput(v), {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        onClose();
      },
      onError: (error) => showServerError(error, t, form.setErrors),
    }),
  );
  return (
    <Modal opened onClose={onClose} title={year ? t('schoolYears.editTitle', { code: year.code }) : t('schoolYears.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('schoolYears.code')}
            placeholder={t('schoolYears.codePlaceholder')}
            withAsterisk
            {...form.getInputProps('code')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField label={t('schoolYears.start')} withAsterisk {...form.getInputProps('startDate')} />
            <DateField label={t('schoolYears.end')} withAsterisk {...form.getInputProps('endDate')} />
          </SimpleGrid>
          {typeof form.errors.terms === 'string' && <div style={{ color: 'var(--mantine-color-red-7)' }}>{form.errors.terms}</div>}
          {form.values.terms.map((x, i) => (
            <Fieldset key={x.number} legend={t('schoolYears.term', { n: x.number })}>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateField label={t('schoolYears.start')} withAsterisk {...form.getInputProps(`terms.${i}.startDate`)} />
                <DateField label={t('schoolYears.end')} withAsterisk {...form.getInputProps(`terms.${i}.endDate`)} />
              </SimpleGrid>
            </Fieldset>
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
