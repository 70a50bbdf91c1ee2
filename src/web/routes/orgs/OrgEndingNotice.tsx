import { Alert, List, Loader } from '@mantine/core';
import { useOrgEnding } from '../../api/orgs';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';

/**
 * Shown on the org edit screen when the user sets "Hoạt động đến ngày": what would still point at the org the day after
 * (child orgs, networks, people, rules) and what to do about each; ending the org moves none of them.
 */
export function OrgEndingNotice({ orgId, validTo }: { orgId: string; validTo: string }) {
  const t = useT();
  const ending = useOrgEnding(orgId, validTo);
  if (ending.isPending) return <Loader size="sm" />;
  if (!ending.data) return null;
  const { advice, from } = ending.data;
  return (
    <Alert
      color={advice.length > 0 ? 'yellow' : 'green'}
      title={t('org.ending.title', { date: formatDate(from) })}
      data-testid="org-ending"
    >
      {advice.length > 0 ? (
        <List size="sm" spacing={4}>
          {advice.map((a) => (
            <List.Item key={a}>{a}</List.Item>
          ))}
        </List>
      ) : (
        t('org.ending.nothing')
      )}
    </Alert>
  );
}
