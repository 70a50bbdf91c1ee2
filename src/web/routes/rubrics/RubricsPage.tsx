import { Accordion, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import type { Rubric } from '@shared/rubrics';
import { IconCopy, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { useRubrics } from '../../api/rubrics';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { RubricEditor } from './RubricEditor';

/** "Bộ tiêu chí": presets and each office's rubrics; office staff copy a preset and adjust criteria and points. */
export default function RubricsPage() {
  const t = useT();
  const me = useMe();
  const list = useRubrics();
  const [editor, setEditor] = useState<{ from: Rubric; editing: boolean } | null>(null);
  const office = me.data?.isAdmin || me.data?.positions.some((p) => p.position === 'office_leader' || p.position === 'specialist');
  return (
    <>
      <PageHeader title={t('rubrics.title')} subtitle={t('rubrics.subtitle')} />
      <QueryState query={list}>
        {(rows) => (
          <Accordion variant="separated" multiple>
            {rows.map((r) => (
              <Accordion.Item key={r.id} value={r.id} data-testid="rubric-item">
                <Accordion.Control>
                  <Stack gap={2}>
                    <Text fw={600}>{r.name}</Text>
                    <Group gap={6}>
                      <Badge variant="light">{t(`rubrics.purpose.${r.purpose}`)}</Badge>
                      {r.noGrading ? (
                        <Badge color="gray">{t('rubrics.noGradingBadge')}</Badge>
                      ) : (
                        <Badge variant="outline">{t('rubrics.maxTotal', { n: r.maxTotal })}</Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        {r.ownerOrg ? r.ownerOrg.name : t('rubrics.preset')}
                      </Text>
                    </Group>
                  </Stack>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {r.groups.map((g) => (
                      <Stack key={g.key} gap={4}>
                        <Text fw={600}>{g.title}</Text>
                        <List type="ordered" size="sm" spacing={2}>
                          {g.criteria.map((c) => (
                            <List.Item key={c.key}>
                              {c.title}
                              {!r.noGrading && (
                                <Text span size="sm" c="dimmed">
                                  {' '}
                                  — {t('rubrics.points', { n: c.maxPoints })}
                                </Text>
                              )}
                            </List.Item>
                          ))}
                        </List>
                      </Stack>
                    ))}
                    {office && (
                      <Group gap="xs">
                        <Button
                          size="sm"
                          variant="light"
                          leftSection={<IconCopy size={16} />}
                          onClick={() => setEditor({ from: r, editing: false })}
                          data-testid="rubric-copy"
                        >
                          {t('rubrics.copy')}
                        </Button>
                        {r.can.update && (
                          <Button
                            size="sm"
                            variant="default"
                            leftSection={<IconPencil size={16} />}
                            onClick={() => setEditor({ from: r, editing: true })}
                            data-testid="rubric-edit"
                          >
                            {t('rubrics.edit')}
                          </Button>
                        )}
                      </Group>
                    )}
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </QueryState>
      {editor && (
        <RubricEditor
          key={`${editor.from.id}:${editor.editing}`}
          from={editor.from}
          editing={editor.editing}
          onClose={() => setEditor(null)}
        />
      )}
    </>
  );
}
