import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { useT } from '../i18n/context';

/** What a confirmation asks: the question, and the wording and colour of the button that goes ahead. */
export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  /** 'red' for what cannot be undone (deleting), else the theme's colour. */
  color?: string;
  /** What going ahead will do, in detail (a preview list), under the message. */
  details?: ReactNode;
  /** The modal's width ('lg' for a preview list); Mantine's default otherwise. */
  size?: string;
  /** Shows the go-ahead button as busy (the action runs while the dialog stays open). */
  loading?: boolean;
}

/** The app's own confirmation (instead of the browser's `window.confirm`): a Mantine modal with Hủy and a go-ahead. */
export function ConfirmDialog({
  opened,
  options,
  onAnswer,
}: {
  opened: boolean;
  options: ConfirmOptions | null;
  onAnswer: (ok: boolean) => void;
}) {
  const t = useT();
  return (
    <Modal
      opened={opened}
      onClose={() => onAnswer(false)}
      title={options?.title}
      centered
      size={options?.size}
      data-testid="confirm-dialog"
    >
      <Stack gap="md">
        <Text size="sm">{options?.message}</Text>
        {options?.details}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => onAnswer(false)} data-testid="confirm-cancel">
            {t('common.cancel')}
          </Button>
          <Button color={options?.color} loading={options?.loading} onClick={() => onAnswer(true)} data-testid="confirm-ok">
            {options?.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * `const [confirm, dialog] = useConfirm()`: render `dialog`, then `if (await confirm({...}))` goes ahead only when the
 * user pressed the go-ahead button (closing or Hủy answers false).
 */
export function useConfirm(): [(options: ConfirmOptions) => Promise<boolean>, ReactNode] {
  const [options, setOptions] = useState<ConfirmOptions | null>(null);
  const [opened, setOpened] = useState(false);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const confirm = useCallback((next: ConfirmOptions) => {
    resolver.current?.(false);
    setOptions(next);
    setOpened(true);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const onAnswer = (ok: boolean) => {
    setOpened(false);
    resolver.current?.(ok);
    resolver.current = null;
  };
  return [confirm, <ConfirmDialog key="confirm-dialog" opened={opened} options={options} onAnswer={onAnswer} />];
}
