import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { formatNumber } from '../lib/numbers';
import { I18nContext, type Lang, type MessageKey, type Vars } from './context';
import { vi } from './messages';

const STORAGE_KEY = 'lt.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/** Replaces `{name}` placeholders with the given values; numbers with a fraction get the language's decimal mark. */
function interpolate(text: string, lang: Lang, vars?: Vars): string {
  if (!vars) return text;
  const show = (v: string | number) => (typeof v === 'number' ? formatNumber(v, lang) : v);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? show(vars[name]) : whole));
}

/** Holds the UI language (Vietnamese by default, remembered in localStorage) and provides `t()`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted, setLangState] = useState<Lang>(initialLang);
  const [english, setEnglish] = useState<Record<MessageKey, string> | null>(null);
  useEffect(() => {
    if (wanted === 'en' && !english) void import('./messagesEn').then((m) => setEnglish(m.en));
  }, [wanted, english]);
  // Vietnamese until the English dictionary has arrived (a few milliseconds after choosing English).
  const lang: Lang = wanted === 'en' && english ? 'en' : 'vi';

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

  const t = useCallback(
    (key: MessageKey, vars?: Vars) => interpolate((lang === 'en' && english ? english : vi)[key] ?? key, lang, vars),
    [lang, english],
  );
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
