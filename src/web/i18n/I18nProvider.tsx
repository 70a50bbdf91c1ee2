import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { I18nContext, type Lang, type MessageKey, type Vars } from './context';
import { en, vi } from './messages';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };
const STORAGE_KEY = 'lt.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Replaces `{name}` placeholders with the given values. */
function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Holds the UI language (Vietnamese by default, remembered in localStorage) and provides `t()`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => {
    document.documentElement.lang = lang;
    dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage unavailable (private mode): the choice lasts for this page only
    }
  }, []);

  const t = useCallback((key: MessageKey, vars?: Vars) => interpolate(dictionaries[lang][key] ?? key, vars), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
