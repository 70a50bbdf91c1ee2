import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useT } from '../i18n/context';

/**
 * The reviewer's step on a submitted record (a plan, a report): return it with a required comment, or approve /
 * accept it with an optional one. The caller sends the step and reports a field error back through `fail`.
 */
export function ReviewCommentModal({
  opened,
  returning,
  title,
  heading,
  label,
  description,
  confirmLabel,
  requiredMessage,
  pending,
  testIdPrefix,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  /** Returning needs a comment; approving does not. */
  returning: boolean;
  title: string;
  heading?: ReactNode;
  label: string;
  description?: string;
  confirmLabel: string;
  requiredMessage: string;
  pending: boolean;
  testIdPrefix: string;
  onConfirm: (comment: string, fail: (message: string | null) => void) => void;
  onClose: () => void;
}) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setComment('');
      setError(null);
    }
  }, [opened]);
  const send = () => {
    const text = comment.trim();
    if (returning && !text) {
      setError(requiredMessage);
      return;
    }
    onConfirm(text, setError);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {heading && (
          <Text size="sm" fw={600}>
            {heading}
          </Text>
        )}
        <Textarea
          label={label}
          description={description}
          withAsterisk={returning}
          autosize
          minRows={3}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-autofocus
          data-testid={`${testIdPrefix}-comment`}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color={returning ? 'orange' : 'green'} loading={pending} onClick={send} data-testid={`${testIdPrefix}-confirm`}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
