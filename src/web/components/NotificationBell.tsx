import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { forwardRef, lazy, type ReactNode, Suspense, useState } from 'react';
import { useNotifications } from '../api/meetings';
import { useT } from '../i18n/context';

/** The red unread count on the bell. */
export function BellIndicator({ unread, children }: { unread: number; children: ReactNode }) {
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4}>
      {children}
    </Indicator>
  );
}

type BellButtonProps = {
  unread: number;
  onClick: () => void;
  onPointerEnter?: () => void;
  onTouchStart?: () => void;
  onFocus?: () => void;
};

/** The bell button (also the popover's target once the list is loaded). */
export const BellButton = forwardRef<HTMLButtonElement, BellButtonProps>(function BellButton({ unread, ...handlers }, ref) {
  const t = useT();
  return (
    <ActionIcon
      ref={ref}
      variant="subtle"
      size="lg"
      aria-label={unread ? t('notifications.unread', { n: unread }) : t('notifications.title')}
      aria-haspopup="dialog"
      data-testid="notification-bell"
      {...handlers}
    >
      <IconBell size={22} />
    </ActionIcon>
  );
});

const loadDropdown = () => import('./NotificationBellDropdown');
const NotificationBellDropdown = lazy(loadDropdown);
/** Starts fetching the list's code (a failure here is retried by the click that needs it). */
const preload = () => void loadDropdown().catch(() => undefined);

/**
 * The header bell: the unread count at once; the list of notices (Popover, ScrollArea, floating-ui) is not part of
 * every page's first load: its code is fetched on the first sign that the user means to open it (pointer over the
 * bell, a touch, keyboard focus), and the first click puts the full bell in place, already open.
 */
export function NotificationBell() {
  const q = useNotifications();
  const unread = q.data?.unread ?? 0;
  const [opened, setOpened] = useState(false);
  const bell = (
    <BellIndicator unread={unread}>
      <BellButton unread={unread} onClick={() => setOpened(true)} onPointerEnter={preload} onTouchStart={preload} onFocus={preload} />
    </BellIndicator>
  );
  if (!opened) return bell;
  return (
    <Suspense fallback={bell}>
      <NotificationBellDropdown defaultOpened />
    </Suspense>
  );
}
