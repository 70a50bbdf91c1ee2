import { Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMapOff } from '@tabler/icons-react';
import { ButtonLink } from '../components/links';
import { useT } from '../i18n/context';

/** The 404 page. */
export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(`${t('error.notFoundTitle')} · Liên Trường`);
  return (
    <Center py={64} px="md">
      <Stack align="center" gap="sm" maw={420} ta="center" data-testid="not-found">
        <IconMapOff size={48} color="var(--mantine-color-gray-6)" aria-hidden="true" />
        <Title order={2}>{t('error.notFoundTitle')}</Title>
        <Text c="dimmed">{t('error.notFound')}</Text>
        <ButtonLink to="/">{t('error.goHome')}</ButtonLink>
      </Stack>
    </Center>
  );
}
