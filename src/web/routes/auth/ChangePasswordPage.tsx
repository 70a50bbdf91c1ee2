import { Button, Group, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { changePasswordInput } from '@shared/schemas';
import { useNavigate } from '@tanstack/react-router';
import { useChangePassword } from '../../api/auth';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../i18n/context';
import { errorMessage, serverFieldErrors, zodFieldErrors } from '../../lib/formErrors';

/** The change-password page. */
export default function ChangePasswordPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: (v) => {
      const errors = zodFieldErrors(changePasswordInput, { currentPassword: v.currentPassword, newPassword: v.newPassword }, t, lang);
      if (v.confirm !== v.newPassword) errors.confirm = t('password.mismatch');
      return errors;
    },
  });

  const submit = form.onSubmit((v) => {
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('password.changed') });
          navigate({ to: '/' });
        },
        onError: (error) => {
          form.setErrors(serverFieldErrors(error));
          notifications.show({ color: 'red', title: t('error.title'), message: errorMessage(error, t) });
        },
      },
    );
  });

  return (
    <>
      <PageHeader title={t('password.title')} />
      <Paper withBorder p="md" maw={480}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <PasswordInput label={t('password.current')} autoComplete="current-password" {...form.getInputProps('currentPassword')} />
            <PasswordInput
              label={t('password.new')}
              description={t('password.newHint')}
              autoComplete="new-password"
              {...form.getInputProps('newPassword')}
            />
            <PasswordInput label={t('password.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
            <Group justify="flex-end">
              <Button type="submit" loading={change.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
