import { Menu, Text } from '@mantine/core';
import type { Me } from '@shared/types';
import { IconBellCog, IconDeviceMobile, IconKey, IconLogout } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useLogout } from '../api/auth';
import { useT } from '../i18n/context';
import { AvatarButton } from './UserMenu';

/**
 * The avatar menu with the user's name, "Đổi mật khẩu", "Mã PIN ký tại chỗ" and "Đăng xuất". Loaded by UserMenu on the first intent to
 * open it (pointer, touch, focus), opened at once when that intent was a click.
 */
export default function UserMenuDropdown({ me, defaultOpened }: { me: Me; defaultOpened: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const logout = useLogout();
  return (
    <Menu position="bottom-end" width={240} withinPortal defaultOpened={defaultOpened}>
      <Menu.Target>
        <AvatarButton person={me} />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {me.fullName}
          </Text>
          <Text size="xs" c="dimmed">
            {me.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => navigate({ to: '/account/password' })}>
          {t('user.changePassword')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconDeviceMobile size={16} />}
          data-testid="signing-pin-menu"
          onClick={() => navigate({ to: '/account/signing-pin' })}
        >
          {t('pin.menu')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconBellCog size={16} />}
          data-testid="notification-settings"
          onClick={() => navigate({ to: '/settings/notifications' })}
        >
          {t('notifications.settings.menu')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          data-testid="logout"
          onClick={() => logout.mutate(undefined, { onSettled: () => navigate({ to: '/login' }) })}
        >
          {t('user.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
