import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import type { PlanDetail, PlanItem } from '@shared/types';
import { useEffect, useState } from 'react';
import { usePlanStep, useSetPlanItemStatus } from '../../api/plans';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';

/** Return (comment required) or approve (comment optional) a submitted plan. */
export function ReviewModal({ plan, action, onClose }: { plan: PlanDetail; action: 'return' | 'approve' | null; onClose: () => void }) {
  const t = useT();
  const step = usePlanStep(plan.id);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (action) {
      setComment('');
      setError(null);
    }
  }, [action]);
  const send = () => {
    const text = comment.trim();
    if (action === 'return' && !text) {
      setError(t('plan.commentRequired'));
      return;
    }
    const body =
      action === 'return'
        ? { action: 'return' as const, body: { comment: text } }
        : { action: 'approve' as const, body: { comment: text || null } };
    step.mutate(body, {
      onSuccess: () => {
        notifySuccess(t(action === 'return' ? 'plan.returnDone' : 'plan.approveDone'));
        onClose();
      },
      onError: (e) => showServerError(e, t, (f) => setError(f.comment ?? null)),
    });
  };
  return (
    <Modal opened={action !== null} onClose={onClose} title={t(action === 'return' ? 'plan.returnTitle' : 'plan.approveTitle')}>
      <Stack>
        <Text size="sm" fw={600}>
          {plan.title}
        </Text>
        <Textarea
          label={t(action === 'return' ? 'plan.returnComment' : 'plan.approveComment')}
          description={action === 'return' ? t('plan.returnHint') : undefined}
          withAsterisk={action === 'return'}
          autosize
          minRows={3}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid="plan-review-comment"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={action === 'return' ? 'orange' : 'green'}
            loading={step.isPending}
            onClick={send}
            data-testid="plan-review-confirm"
          >
            {t(action === 'return' ? 'plan.return' : 'plan.approve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
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
