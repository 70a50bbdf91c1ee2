import { Button, Checkbox, Group, Modal, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { accountInput } from '@shared/schemas';
import { useCreateAccount } from '../../api/admin';
import { PersonPicker } from '../../components/PersonPicker';
import { useI18n } from '../../i18n/context';
import { zodFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';

interface Values {
  personId: string | null;
  email: string;
  password: string;
  isAdmin: boolean;
}

/** Creates a login account for a person. */
export function AccountFormModal({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const create = useCreateAccount();
  const form = useForm<Values>({
    initialValues: { personId: null, email: '', password: '', isAdmin: false },
    validate: (v) => zodFieldErrors(accountInput, { ...v, personId: v.personId ?? '', email: v.email.trim() }, t, lang),
  });
  const submit = form.onSubmit((v) =>
    create.mutate(
      { personId: v.personId ?? '', email: v.email.trim(), password: v.password, isAdmin: v.isAdmin },
      {
        onSuccess: () => {
          notifySuccess(t('accounts.created'));
          onClose();
        },
        onError: (error) => showServerError(error, t, form.setErrors),
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={t('accounts.create')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <PersonPicker
            label={t('accounts.person')}
            withAsterisk
            placeholder={t('networkForm.personPlaceholder')}
            value={form.values.personId}
            onChange={(id) => form.setFieldValue('personId', id)}
            error={form.errors.personId}
            data-testid="account-person"
          />
          <TextInput
            label={t('accounts.email')}
            type="email"
            withAsterisk
            autoComplete="off"
            data-testid="account-email"
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label={t('accounts.password')}
            description={t('password.newHint')}
            withAsterisk
            autoComplete="new-password"
            data-testid="account-password"
            {...form.getInputProps('password')}
          />
          <Checkbox label={t('accounts.isAdmin')} size="md" {...form.getInputProps('isAdmin', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('accounts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
