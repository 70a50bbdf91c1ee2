import { Button } from '@mantine/core';
import { useI18n } from '../i18n/context';

/** Toggles the UI between Vietnamese and English; shows the language it switches to. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  const next = lang === 'vi' ? 'en' : 'vi';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      h={36}
      px={8}
      onClick={() => setLang(next)}
      // The accessible name starts with the visible text (EN / VI), as speech input users say what they see.
      aria-label={`${next.toUpperCase()} – ${t('lang.label')}: ${t(`lang.${next}`)}`}
      data-testid="language-switch"
      lang={next}
    >
      {next.toUpperCase()}
    </Button>
  );
}
