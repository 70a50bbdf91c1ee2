import { Button, Group, Modal, PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import type { MinutesView } from '@shared/minutes';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/context';
import { errorMessage, serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import type { useMinutesAction } from './api';

type Participant = MinutesView['participants'][number];

/**
 * The participant, holding the secretary's device, proves who they are with their own PIN or password; the secret is
 * never kept: the field is emptied after every try and the browser is asked not to save it.
 */
export function VenueSignModal({
  signer,
  action,
  onClose,
}: {
  signer: Participant | null;
  action: ReturnType<typeof useMinutesAction>;
  onClose: () => void;
}) {
  const t = useT();
  const [kind, setKind] = useState<'pin' | 'password'>('pin');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setSecret('');
    setError(null);
    onClose();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!signer) return;
    const body = kind === 'pin' ? { personId: signer.personId, pin: secret } : { personId: signer.personId, password: secret };
    setSecret('');
    action.mutate(
      { kind: 'venue-sign', body },
      {
        onSuccess: () => {
          notifySuccess(t('venue.signed', { name: signer.fullName }));
          close();
        },
        onError: (err) => {
          const fields = serverFieldErrors(err);
          setError(fields.pin ?? fields.password ?? errorMessage(err, t));
        },
      },
    );
  };
  return (
    <Modal opened={signer !== null} onClose={close} title={t('venue.signAs', { name: signer?.fullName ?? '' })} centered>
      <form onSubmit={submit} noValidate autoComplete="off">
        <Stack>
          <Text size="sm" c="dimmed">
            {t('venue.handOver', { name: signer?.fullName ?? '' })}
          </Text>
          <SegmentedControl
            fullWidth
            value={kind}
            onChange={(v) => {
              setKind(v === 'password' ? 'password' : 'pin');
              setError(null);
            }}
            data={[
              { value: 'pin', label: t('venue.byPin') },
              { value: 'password', label: t('venue.byPassword') },
            ]}
          />
          <PasswordInput
            size="lg"
            label={kind === 'pin' ? t('venue.pinLabel') : t('venue.passwordLabel')}
            inputMode={kind === 'pin' ? 'numeric' : 'text'}
            maxLength={kind === 'pin' ? 6 : 200}
            autoComplete={kind === 'pin' ? 'one-time-code' : 'new-password'}
            data-testid="venue-secret"
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <Group grow>
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" leftSection={<IconSignature size={18} />} loading={action.isPending} disabled={!secret}>
              {t('venue.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
