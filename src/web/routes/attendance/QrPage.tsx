import { Anchor, Button, Center, CopyButton, Paper, Stack, Text } from '@mantine/core';
import type { CheckinCode } from '@shared/minutes';
import { useParams } from '@tanstack/react-router';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';
import { useAttendanceSummary, useCheckinCode } from './api';
import { VenueCounts } from './VenueCounts';

/** The check-in link drawn as a QR code (SVG from the `qrcode` package), large enough to scan across a room. */
function QrImage({ url }: { url: string }) {
  const [svg, setSvg] = useState('');
  useEffect(() => {
    let alive = true;
    QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((s) => alive && setSvg(s));
    return () => {
      alive = false;
    };
  }, [url]);
  return (
    <div
      role="img"
      aria-label={url}
      data-testid="qr"
      style={{ width: 'min(92vw, 70vh, 520px)', aspectRatio: '1', background: '#fff' }}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG generated locally by the qrcode package from our own URL
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

/** Seconds until the code on screen is replaced, counted from when it arrived (the server said how long it lives). */
function Countdown({ refreshInMs, receivedAt }: { refreshInMs: number; receivedAt: number }) {
  const t = useT();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.min(Math.ceil(refreshInMs / 1000), Math.max(0, Math.ceil((receivedAt + refreshInMs - now) / 1000)));
  return (
    <Text size="sm" c="dimmed" ta="center" data-testid="qr-countdown" aria-live="off">
      {t('qr.rotates', { seconds })}
    </Text>
  );
}

function QrView({ code, meetingId, receivedAt }: { code: CheckinCode; meetingId: string; receivedAt: number }) {
  const t = useT();
  const summary = useAttendanceSummary(meetingId, 10_000);
  return (
    <Stack gap="md" align="stretch">
      <Text size="sm">{t('qr.hint')}</Text>
      <Center>
        <Paper withBorder p="xs" radius="md" bg="white">
          <QrImage url={code.url} />
        </Paper>
      </Center>
      <Countdown refreshInMs={code.refreshInMs} receivedAt={receivedAt} />
      <Text size="sm" c="dimmed" ta="center">
        {t('qr.window', { from: formatDateTime(code.validFrom), to: formatDateTime(code.validTo) })}
      </Text>
      <Text size="xs" c="dimmed" ta="center">
        {t('qr.rotateHint')}
      </Text>
      <Stack gap={4}>
        <Text size="sm">{t('qr.fallback')}</Text>
        <Anchor href={code.path} size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="checkin-link">
          {code.url}
        </Anchor>
        <CopyButton value={code.url}>
          {({ copied, copy }) => (
            <Button variant="light" onClick={copy} color={copied ? 'teal' : undefined}>
              {copied ? t('qr.copied') : t('qr.copy')}
            </Button>
          )}
        </CopyButton>
      </Stack>
      {summary.data && <VenueCounts summary={summary.data} />}
    </Stack>
  );
}

/**
 * QR display for the secretary or chair, shown on the venue's screen: the code is fetched again before each
 * 30-second window ends (no reload); counts refresh every 10 seconds.
 */
export default function QrPage() {
  const t = useT();
  const { meetingId } = useParams({ strict: false }) as { meetingId: string };
  const query = useCheckinCode(meetingId);
  return (
    <Stack gap="sm" maw={720}>
      <PageHeader title={t('qr.title')} />
      <QueryState query={query}>{(code) => <QrView code={code} meetingId={meetingId} receivedAt={query.dataUpdatedAt} />}</QueryState>
    </Stack>
  );
}
