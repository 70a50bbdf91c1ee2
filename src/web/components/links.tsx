import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
  UnstyledButton,
  type UnstyledButtonProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type AnchorBaseProps = AnchorProps & Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>;
function AnchorBase(props: AnchorBaseProps) {
  return <Anchor {...props} />;
}
const CreatedAnchorLink = createLink(AnchorBase);
/** A router link styled as a Mantine Anchor. */
export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => <CreatedAnchorLink preload="intent" {...props} />;

type ButtonBaseProps = ButtonProps & Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>;
function ButtonBase(props: ButtonBaseProps) {
  return <Button component="a" {...props} />;
}
const CreatedButtonLink = createLink(ButtonBase);
/** A router link styled as a Mantine Button. */
export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => <CreatedButtonLink preload="intent" {...props} />;

type NavLinkBaseProps = NavLinkProps & Omit<ComponentPropsWithRef<'a'>, 'color' | 'style' | 'label'>;
function NavLinkBase(props: NavLinkBaseProps) {
  return <NavLink component="a" {...props} />;
}
const CreatedNavLink = createLink(NavLinkBase);
/** A router link styled as a Mantine NavLink (menu entry). */
export const NavLinkItem: LinkComponent<typeof NavLinkBase> = (props) => <CreatedNavLink preload="intent" {...props} />;

type CardLinkBaseProps = UnstyledButtonProps & Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>;
function CardLinkBase(props: CardLinkBaseProps) {
  return <UnstyledButton component="a" p="sm" className="lt-card-link" {...props} />;
}
const CreatedCardLink = createLink(CardLinkBase);
/** A whole bordered block that links somewhere (list items on phones and the home page). */
export const CardLink: LinkComponent<typeof CardLinkBase> = (props) => <CreatedCardLink preload="intent" {...props} />;
