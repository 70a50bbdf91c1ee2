import { Alert, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type NoticeCategory, type NoticeChannel, noticeCategories, noticeChannels } from '@shared/notifications';
import { IconInfoCircle, IconMailOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNotificationPreferences, useSaveNotificationPreferences } from '../../api/notifications';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, Loading } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { errorMessage } from '../../lib/formErrors';

type Choices = Record<NoticeCategory, NoticeChannel>;

/** "Cài đặt thông báo": for each kind of notice, in the app only, e-mail at once, or the daily digest e-mail. */
export default function NotificationSettingsPage() {
  const t = useT();
  const q = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [choices, setChoices] = useState<Choices | null>(null);

  useEffect(() => {
    if (q.data) setChoices(Object.fromEntries(q.data.preferences.map((p) => [p.category, p.channel])) as Choices);
  }, [q.data]);

  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data || !choices) return <Loading />;
  const digestHour = q.data.digestHour;

  const submit = () =>
    save.mutate(
      { preferences: noticeCategories.map((category) => ({ category, channel: choices[category] })) },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('notifications.settings.saved') }),
        onError: (error) => notifications.show({ color: 'red', title: t('error.title'), message: errorMessage(error, t) }),
      },
    );

  return (
    <>
      <PageHeader title={t('notifications.settings.title')} subtitle={t('notifications.settings.subtitle')} />
      <Stack maw={720} gap="md">
        {q.data.email ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={20} />}>
            {t('notifications.settings.emailTo', { email: q.data.email })}
          </Alert>
        ) : (
          <Alert color="yellow" variant="light" icon={<IconMailOff size={20} />}>
            {t('notifications.settings.noEmail')}
          </Alert>
        )}
        {noticeCategories.map((category) => (
          <Paper key={category} withBorder p="md" data-testid={`pref-${category}`}>
            <Title order={3} fz="md">
              {t(`notifications.settings.category.${category}`)}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t(`notifications.settings.category.${category}.hint`)}
            </Text>
            <Radio.Group
              value={choices[category]}
              onChange={(v) => setChoices({ ...choices, [category]: v as NoticeChannel })}
              aria-label={t(`notifications.settings.category.${category}`)}
            >
              <Stack gap="xs">
                {noticeChannels.map((channel) => (
                  <Radio
                    key={channel}
                    value={channel}
                    label={t(`notifications.settings.channel.${channel}`, { hour: digestHour })}
                    data-testid={`pref-${category}-${channel}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          </Paper>
        ))}
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending} data-testid="pref-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
