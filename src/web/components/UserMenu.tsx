import { Avatar, UnstyledButton } from '@mantine/core';
import type { Me } from '@shared/types';
import { type ComponentPropsWithoutRef, forwardRef, lazy, Suspense, useState } from 'react';
import { useT } from '../i18n/context';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  const last = parts[parts.length - 1] ?? '';
  return (last[0] ?? '?').toUpperCase();
}

/** The round avatar button of the header (also the menu's target once the menu is loaded). */
export const AvatarButton = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'> & { person: Me }>(function AvatarButton(
  { person: me, ...rest },
  ref,
) {
  const t = useT();
  return (
    <UnstyledButton ref={ref} aria-label={`${t('user.menu')}: ${me.fullName}`} aria-haspopup="menu" data-testid="user-menu" p={2} {...rest}>
      <Avatar color="blue" radius="xl" size={34}>
        {initials(me.fullName)}
      </Avatar>
    </UnstyledButton>
  );
});

const loadDropdown = () => import('./UserMenuDropdown');
const UserMenuDropdown = lazy(loadDropdown);
/** Starts fetching the dropdown's code (a failure here is retried by the click that needs it). */
const preload = () => void loadDropdown().catch(() => undefined);

/**
 * The avatar menu. Its dropdown (Mantine Menu, floating-ui) is not part of every page's first load: its code is
 * fetched on the first sign that the user means to open it (pointer over the avatar, a touch, keyboard focus), and
 * the first click puts the full menu in place, already open.
 */
export function UserMenu({ me }: { me: Me }) {
  const [opened, setOpened] = useState(false);
  const button = (
    <AvatarButton person={me} onClick={() => setOpened(true)} onPointerEnter={preload} onTouchStart={preload} onFocus={preload} />
  );
  if (!opened) return button;
  return (
    <Suspense fallback={button}>
      <UserMenuDropdown me={me} defaultOpened />
    </Suspense>
  );
}
