import { ActionIcon, Group, Input, Paper, Tooltip, Typography } from '@mantine/core';
import { IconBold, IconItalic, IconList, IconListNumbers, IconUnderline } from '@tabler/icons-react';
import { useEffect, useId, useRef } from 'react';
import { useT } from '../../i18n/context';

const TOOLS = [
  { cmd: 'bold', icon: IconBold, label: 'editor.bold' },
  { cmd: 'italic', icon: IconItalic, label: 'editor.italic' },
  { cmd: 'underline', icon: IconUnderline, label: 'editor.underline' },
  { cmd: 'insertUnorderedList', icon: IconList, label: 'editor.bullets' },
  { cmd: 'insertOrderedList', icon: IconListNumbers, label: 'editor.numbers' },
] as const;

/**
 * A small rich-text editor: a toolbar over a contentEditable area. Only basic formatting is offered; whatever the
 * browser produces is sanitised by the server (p, br, strong, em, u, ul, ol, li), which answers with the clean HTML.
 */
export function RichTextEditor({ label, value, onChange }: { label: string; value: string; onChange: (html: string) => void }) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.innerHTML !== value && document.activeElement !== ref.current) ref.current.innerHTML = value;
  }, [value]);
  const run = (cmd: string) => {
    ref.current?.focus();
    document.execCommand(cmd);
    onChange(ref.current?.innerHTML ?? '');
  };
  return (
    <Input.Wrapper label={label} id={id}>
      <Paper withBorder radius="md">
        <Group gap={4} p={4} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
          {TOOLS.map(({ cmd, icon: Icon, label: key }) => (
            <Tooltip key={cmd} label={t(key)}>
              <ActionIcon variant="subtle" size="lg" aria-label={t(key)} onMouseDown={(e) => e.preventDefault()} onClick={() => run(cmd)}>
                <Icon size={20} />
              </ActionIcon>
            </Tooltip>
          ))}
        </Group>
        <Typography>
          {/* biome-ignore lint/a11y/useSemanticElements: a contentEditable rich-text area; a textarea cannot hold formatting */}
          <div
            ref={ref}
            id={id}
            role="textbox"
            aria-multiline="true"
            aria-label={label}
            tabIndex={0}
            contentEditable
            suppressContentEditableWarning
            onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
            onInput={(e) => onChange(e.currentTarget.innerHTML)}
            style={{ minHeight: 140, padding: '8px 12px', outline: 'none' }}
          />
        </Typography>
      </Paper>
    </Input.Wrapper>
  );
}

/** Shows sanitised HTML returned by the server. */
export function RichTextView({ html }: { html: string }) {
  return (
    <Typography>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server keeps only p, br, strong, em, u, ul, ol, li */}
      <div dangerouslySetInnerHTML={{ __html: html || '<p>—</p>' }} />
    </Typography>
  );
}
