import { Alert, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { MinutesView } from '@shared/minutes';
import { IconCircleCheck, IconDeviceMobile, IconShieldCheck, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { useVerifyMinutes } from './api';

/**
 * Who signs and who signed when (and, for a venue signature, on whose device); the "Ký xác nhận" and "Ký tại chỗ"
 * buttons; the integrity check once signing has started.
 */
export function MinutesSignatures({
  view,
  onSign,
  onVenue,
  pending,
}: {
  view: MinutesView;
  onSign: () => void;
  /** Opens venue signing; absent while it is open. */
  onVenue?: () => void;
  pending: boolean;
}) {
  const t = useT();
  const me = useMe();
  const [verifying, setVerifying] = useState(false);
  const verify = useVerifyMinutes(view.meetingId, verifying);
  const signed = view.participants.filter((p) => p.signedAt).length;
  const myRole = view.participants.find((p) => p.personId === me.data?.personId)?.role;
  const othersMissing = view.participants.filter((p) => p.role !== 'chair' && !p.signedAt).length;
  const chairMustWait = myRole === 'chair' && othersMissing > 0;
  const heldBy = new Map(view.signatures.filter((s) => s.method !== 'account').map((s) => [s.personId, s.heldByName ?? '']));
  return (
    <Section title={t('minutes.signatures', { n: signed, total: view.participants.length })} testId="signatures">
      <Stack gap="xs">
        {view.participants.map((p) => (
          <Group key={p.personId} justify="space-between" wrap="nowrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={500} truncate>
                {p.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`minutes.${p.role}`)}
                {heldBy.has(p.personId) && ` · ${t('venue.signedOn', { name: heldBy.get(p.personId) ?? '' })}`}
              </Text>
            </div>
            {p.signedAt ? (
              <Badge color="green" variant="light" leftSection={<IconCircleCheck size={14} />}>
                {formatDateTime(p.signedAt)}
              </Badge>
            ) : (
              <Badge color="gray" variant="outline">
                {t('minutes.notSigned')}
              </Badge>
            )}
          </Group>
        ))}
        {view.can.sign && chairMustWait && <Alert color="yellow">{t('minutes.chairLast', { n: othersMissing })}</Alert>}
        {view.can.sign && (
          <Button size="lg" leftSection={<IconSignature size={20} />} onClick={onSign} loading={pending} disabled={chairMustWait}>
            {t('minutes.sign')}
          </Button>
        )}
        {view.can.venueSign && onVenue && (
          <Button size="lg" variant="light" leftSection={<IconDeviceMobile size={20} />} onClick={onVenue} data-testid="venue-open">
            {t('venue.open')}
          </Button>
        )}
        {view.textHash && (
          <Stack gap={4}>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconShieldCheck size={16} />}
              onClick={() => setVerifying(true)}
              w="fit-content"
            >
              {t('minutes.verify')}
            </Button>
            {verify.data && (
              <Alert color={verify.data.textMatches && verify.data.allSignaturesMatch ? 'green' : 'red'} data-testid="verify-result">
                {verify.data.textMatches && verify.data.allSignaturesMatch ? t('minutes.verifyOk') : t('minutes.verifyBad')}
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Section>
  );
}
