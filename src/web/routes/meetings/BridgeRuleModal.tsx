import { Alert, Badge, Button, Group, Loader, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { MeetingDetail } from '@shared/meetings';
import type { BridgePlanView } from '@shared/meetingViews';
import { useEffect, useState } from 'react';
import { useBridgeRule, useMeetingLinks } from '../../api/meetingLinks';
import { useT } from '../../i18n/context';
import { serverFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';

type Point = BridgePlanView['bridges'][number];
const HTTP = /^https?:\/\/\S+$/i;

/** A point without a link, keyed by the org whose link the rule takes (a point made by hand without org cannot be filled here). */
function missingPoints(plan: BridgePlanView, m: MeetingDetail): Array<{ name: string; orgId: string | null }> {
  return plan.missingLinks.map((name) => {
    const point = plan.bridges.find((b) => b.name === name && !b.hasLink);
    if (point) return { name, orgId: point.orgId };
    const central = m.venues.find((v) => v.isCentral);
    return { name, orgId: central ? (central.org?.id ?? null) : m.hostOrg.id };
  });
}

/**
 * "Xếp điểm cầu tự động": asks the server for the plan first and shows it (the central venue's count, each bridge point
 * with its count and where its link comes from, who moves and who stays where a person placed them), asks once for
 * each missing link, then applies the rule with the typed links.
 */
export function BridgeRuleModal({ m, onClose }: { m: MeetingDetail; onClose: () => void }) {
  const t = useT();
  const preview = useBridgeRule(m.id, m.network?.id ?? null);
  const apply = useBridgeRule(m.id, m.network?.id ?? null);
  const links = useMeetingLinks(m.network?.id ?? null);
  const [urls, setUrls] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  // biome-ignore lint/correctness/useExhaustiveDependencies: the preview is asked for once, when the dialog opens
  useEffect(() => {
    preview.mutate({ preview: true }, { onError: (e) => showServerError(e, t) });
  }, []);
  const plan = preview.data?.result;
  const missing = plan ? missingPoints(plan, m) : [];
  const typed = missing.filter((p): p is { name: string; orgId: string } => p.orgId !== null);
  const submit = () => {
    const local: Record<string, string> = {};
    for (const p of typed) {
      const url = (urls[p.orgId] ?? '').trim();
      if (!url) local[p.orgId] = t('meetings.bridgeLinkRequired');
      else if (!HTTP.test(url)) local[p.orgId] = t('meetings.bridgeLinkInvalid');
    }
    setErrors(local);
    if (Object.keys(local).length) return;
    const sent = typed.map((p) => ({ orgId: p.orgId, url: (urls[p.orgId] ?? '').trim() }));
    apply.mutate(
      { links: sent },
      {
        onSuccess: () => {
          notifySuccess(t('meetings.bridgeApplied'));
          onClose();
        },
        onError: (e) => {
          const fields = serverFieldErrors(e);
          const mapped: Record<string, string> = {};
          for (const [path, message] of Object.entries(fields)) {
            const at = /^links\.(\d+)\./.exec(path);
            const orgId = at ? sent[Number(at[1])]?.orgId : undefined;
            mapped[orgId ?? 'links'] = message;
          }
          setErrors(mapped);
          showServerError(e, t);
        },
      },
    );
  };
  const source = (b: Point) =>
    b.linkFrom === 'none' ? (
      <Text size="sm" c="orange">
        {t('meetings.bridgeFrom.none')}
      </Text>
    ) : (
      <Text size="sm" c="dimmed">
        {t(`meetings.bridgeFrom.${b.linkFrom}`)}
      </Text>
    );
  return (
    <Modal opened onClose={onClose} title={t('meetings.applyBridge')} size="lg" data-testid="bridge-modal">
      {!plan ? (
        preview.isError ? (
          <Text c="red">{t('meetings.bridgePreviewFailed')}</Text>
        ) : (
          <Group justify="center" p="md">
            <Loader size="sm" />
          </Group>
        )
      ) : (
        <Stack gap="sm" data-testid="bridge-preview">
          <Text size="sm">{t('meetings.bridgeCentral', { n: plan.central })}</Text>
          {plan.bridges.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('meetings.bridgeNone')}
            </Text>
          )}
          {plan.bridges.map((b) => (
            <Stack key={`${b.venueId ?? ''}|${b.orgId ?? ''}|${b.name}`} gap={2} data-testid="bridge-point">
              <Group gap={6}>
                <Text fw={600} size="sm">
                  {b.name}
                </Text>
                {b.created && (
                  <Badge size="xs" color="green" variant="light">
                    {t('meetings.bridgeNew')}
                  </Badge>
                )}
                <Badge size="xs" variant="outline">
                  {t('meetings.peopleN', { n: b.count })}
                </Badge>
              </Group>
              {source(b)}
            </Stack>
          ))}
          <Text size="sm" data-testid="bridge-moves">
            {t('meetings.bridgeMoves', { moved: plan.moved, kept: plan.kept })}
            {plan.unassigned > 0 && ` ${t('meetings.bridgeUnassigned', { n: plan.unassigned })}`}
          </Text>
          {typed.map((p) => (
            <TextInput
              key={p.orgId}
              label={t('meetings.bridgeLinkFor', { name: p.name })}
              placeholder="https://meet.google.com/…"
              value={urls[p.orgId] ?? ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setUrls((u) => ({ ...u, [p.orgId]: v }));
              }}
              error={errors[p.orgId]}
              data-testid="bridge-link-input"
            />
          ))}
          {missing
            .filter((p) => p.orgId === null)
            .map((p) => (
              <Alert key={p.name} color="orange" variant="light">
                {t('meetings.bridgeNoOrg', { name: p.name })}
              </Alert>
            ))}
          {errors.links && (
            <Text size="sm" c="red">
              {errors.links}
            </Text>
          )}
          {typed.length > 0 && links.data?.can.edit && (
            <Text size="xs" c="dimmed">
              {t('meetings.bridgeSavedToNetwork')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={submit}
              loading={apply.isPending}
              disabled={missing.some((p) => p.orgId === null)}
              data-testid="bridge-confirm"
            >
              {t('meetings.bridgeConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
