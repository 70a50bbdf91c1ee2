import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import type { PlanDetail, PlanItem } from '@shared/types';
import { useEffect, useState } from 'react';
import { usePlanStep, useSetPlanItemStatus } from '../../api/plans';
import { ReviewCommentModal } from '../../components/ReviewCommentModal';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';

/** Return (comment required) or approve (comment optional) a submitted plan. */
export function ReviewModal({ plan, action, onClose }: { plan: PlanDetail; action: 'return' | 'approve' | null; onClose: () => void }) {
  const t = useT();
  const step = usePlanStep(plan.id);
  const returning = action === 'return';
  return (
    <ReviewCommentModal
      opened={action !== null}
      returning={returning}
      title={t(returning ? 'plan.returnTitle' : 'plan.approveTitle')}
      heading={plan.title}
      label={t(returning ? 'plan.returnComment' : 'plan.approveComment')}
      description={returning ? t('plan.returnHint') : undefined}
      confirmLabel={t(returning ? 'plan.return' : 'plan.approve')}
      requiredMessage={t('plan.commentRequired')}
      pending={step.isPending}
      testIdPrefix="plan-review"
      onClose={onClose}
      onConfirm={(text, fail) =>
        step.mutate(returning ? { action: 'return', body: { comment: text } } : { action: 'approve', body: { comment: text || null } }, {
          onSuccess: () => {
            notifySuccess(t(returning ? 'plan.returnDone' : 'plan.approveDone'));
            onClose();
          },
          onError: (e) => showServerError(e, t, (f) => fail(f.comment ?? null)),
        })
      }
    />
  );
}

type Tracked = 'held' | 'moved' | 'cancelled';

/** Records whether an item was held, moved or cancelled; a reason is required for moved and cancelled. */
export function ItemStatusModal({
  plan,
  item,
  onClose,
}: {
  plan: PlanDetail;
  item: { item: PlanItem; n: number } | null;
  onClose: () => void;
}) {
  const t = useT();
  const save = useSetPlanItemStatus(plan.id);
  const [status, setStatus] = useState<Tracked>('held');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (item) {
      setStatus(item.item.status === 'planned' ? 'held' : item.item.status);
      setReason(item.item.statusReason ?? '');
      setError(null);
    }
  }, [item]);
  const send = () => {
    if (!item) return;
    if (status !== 'held' && !reason.trim()) {
      setError(t('plan.reasonRequired'));
      return;
    }
    save.mutate(
      { itemId: item.item.id, status, reason: reason.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t('plan.trackDone'));
          onClose();
        },
        onError: (e) => showServerError(e, t, (f) => setError(f.reason ?? null)),
      },
    );
  };
  return (
    <Modal opened={item !== null} onClose={onClose} title={item ? t('plan.trackTitle', { n: item.n }) : ''}>
      {item && (
        <Stack>
          <Text size="sm">{item.item.content}</Text>
          <SegmentedControl
            fullWidth
            value={status}
            onChange={(v) => {
              setStatus(v as Tracked);
              setError(null);
            }}
            data={(['held', 'moved', 'cancelled'] as const).map((s) => ({ value: s, label: t(`planItemStatus.${s}`) }))}
            data-testid="plan-item-status"
          />
          <Textarea
            label={t('plan.reason')}
            description={t('plan.reasonHint')}
            withAsterisk={status !== 'held'}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            data-testid="plan-item-reason"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={save.isPending} onClick={send} data-testid="plan-item-status-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
