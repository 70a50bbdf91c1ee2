import { Alert, Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { signingPinInput } from '@shared/venueSigning';
import { IconCircleCheck } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { useI18n } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { zodFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';
import { useSaveSigningPin, useSigningPin } from './signingPinApi';

/** "Mã PIN ký tại chỗ": the person sets their own short PIN for signing minutes on the secretary's device (0028). */
export default function SigningPinPage() {
  const { t, lang } = useI18n();
  const query = useSigningPin();
  const save = useSaveSigningPin();
  const form = useForm({
    initialValues: { pin: '', confirm: '' },
    validate: (v) => {
      const errors = zodFieldErrors(signingPinInput, { pin: v.pin }, t, lang);
      if (v.confirm !== v.pin) errors.confirm = t('pin.mismatch');
      return errors;
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      { pin: v.pin },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess(t('pin.saved'));
        },
        onError: (e) => showServerError(e, t, form.setErrors),
      },
    ),
  );
  return (
    <>
      <PageHeader title={t('pin.title')} />
      <Paper withBorder p="md" maw={480}>
        <Stack>
          <Text size="sm">{t('pin.explain')}</Text>
          <QueryState query={query}>
            {(status) =>
              status.set ? (
                <Alert color="green" icon={<IconCircleCheck size={20} />} data-testid="pin-status">
                  <Group justify="space-between">
                    <span>{t('pin.isSet', { time: formatDateTime(status.setAt) })}</span>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => save.mutate(null, { onSuccess: () => notifySuccess(t('pin.removed')) })}
                    >
                      {t('pin.remove')}
                    </Button>
                  </Group>
                </Alert>
              ) : (
                <Alert color="gray">{t('pin.notSet')}</Alert>
              )
            }
          </QueryState>
          <form onSubmit={submit} noValidate autoComplete="off">
            <Stack>
              <PasswordInput
                label={t('pin.new')}
                description={t('pin.hint')}
                inputMode="numeric"
                maxLength={6}
                autoComplete="off"
                data-testid="pin-new"
                {...form.getInputProps('pin')}
              />
              <PasswordInput
                label={t('pin.confirm')}
                inputMode="numeric"
                maxLength={6}
                autoComplete="off"
                data-testid="pin-confirm"
                {...form.getInputProps('confirm')}
              />
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending} data-testid="pin-save">
                  {t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Paper>
    </>
  );
}
