import { List } from '@mantine/core';
import type { MinutesFacts } from '@shared/minutes';
import { InfoList } from '../../components/InfoList';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/dates';

/** Mẫu 2's prefilled facts: date, place, presenter and unit, planned and present counts, absentees with reasons. */
export function MinutesFactsList({ facts }: { facts: MinutesFacts }) {
  const t = useT();
  return (
    <InfoList
      items={[
        { label: t('minutes.date'), value: formatDateTime(facts.startsAt) },
        { label: t('minutes.place'), value: facts.place },
        {
          label: t('minutes.presenter'),
          value: facts.presenters.map((p) => (p.unitName ? `${p.name} (${p.unitName})` : p.name)).join('; '),
        },
        { label: t('minutes.planned'), value: String(facts.plannedCount) },
        { label: t('minutes.present'), value: String(facts.presentCount) },
        {
          label: t('minutes.absentees'),
          value:
            facts.absentees.length === 0 ? (
              t('minutes.noAbsentees')
            ) : (
              <List size="sm" spacing={2}>
                {facts.absentees.map((a) => (
                  <List.Item key={`${a.fullName}-${a.unitName}`}>
                    {a.fullName}
                    {a.unitName ? ` (${a.unitName})` : ''}: {a.reason}
                  </List.Item>
                ))}
              </List>
            ),
        },
        { label: t('minutes.chair'), value: facts.chairName },
        { label: t('minutes.secretary'), value: facts.secretaryName },
      ]}
    />
  );
}
