import { createContext, useContext } from 'react';
import type { vi } from './messages';

export type Lang = 'vi' | 'en';
export type MessageKey = keyof typeof vi;
export type Vars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: Vars) => string;

export interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

export const I18nContext = createContext<I18nValue | null>(null);

/** The current language and the typed translate function. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** Shorthand for `useI18n().t`. */
export function useT(): TFunction {
  return useI18n().t;
}
