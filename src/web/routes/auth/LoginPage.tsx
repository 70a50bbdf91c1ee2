import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertCircle, IconSchool } from '@tabler/icons-react';
import { Navigate, useNavigate, useSearch } from '@tanstack/react-router';
import { useLogin, useMe } from '../../api/auth';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n/context';
import { errorMessage } from '../../lib/formErrors';

/** Only same-site paths are followed after login. */
function safeRedirect(target: string | undefined): string {
  return target?.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login') ? target : '/';
}

/** The log-in page: email + password, with clear messages for wrong password, locked account and rate limit. */
export default function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('login.title')} · Liên Trường`);
  const search = useSearch({ from: '/login' });
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const form = useForm({
    initialValues: { email: '', password: '' },
    // Same rules as the shared `loginInput` (both fields required), checked without loading zod on the first page.
    validate: {
      email: (v) => (v.trim() ? null : t('validation.empty', { label: t('login.email') })),
      password: (v) => (v ? null : t('validation.empty', { label: t('login.password') })),
    },
  });

  if (me.data) return <Navigate to={safeRedirect(search.redirect)} replace />;

  const submit = form.onSubmit((values) => {
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onSuccess: () => navigate({ to: safeRedirect(search.redirect), replace: true }) },
    );
  });

  return (
    <Center component="main" mih="100dvh" p="md" bg="var(--mantine-color-gray-0)">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between">
          <Group gap="xs">
            <ThemeIcon size={40} radius="md" aria-hidden="true">
              <IconSchool size={24} />
            </ThemeIcon>
            <div>
              <Text fw={700} size="lg" lh={1.2}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('app.tagline')}
              </Text>
            </div>
          </Group>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <form onSubmit={submit} noValidate aria-labelledby="login-title">
            <Stack gap="md">
              <div>
                <Title order={1} fz="h2" id="login-title">
                  {t('login.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('login.subtitle')}
                </Text>
              </div>
              {login.error && (
                <Alert color="red" icon={<IconAlertCircle size={20} />} title={t('login.failed')} data-testid="login-error" role="alert">
                  {errorMessage(login.error, t)}
                </Alert>
              )}
              <TextInput
                label={t('login.email')}
                placeholder={t('login.emailPlaceholder')}
                type="email"
                autoComplete="username"
                inputMode="email"
                autoCapitalize="none"
                data-testid="login-email"
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                data-testid="login-password"
                {...form.getInputProps('password')}
              />
              <Button type="submit" size="md" fullWidth loading={login.isPending} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>
    </Center>
  );
}
