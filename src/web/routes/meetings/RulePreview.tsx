import { Alert, Loader, Text } from '@mantine/core';
import type { InvitationRuleInput } from '@shared/meetings';
import { useRulePreview } from '../../api/meetings';
import { useT } from '../../i18n/context';

/**
 * What the rule being written would do, before the editor confirms: how many it matches and would newly invite, the
 * level filter the server applied, and who is kept although the levels they teach are unknown.
 */
export function RulePreview({ meetingId, body }: { meetingId: string; body: InvitationRuleInput | null }) {
  const t = useT();
  const preview = useRulePreview(meetingId, body);
  if (!body) return null;
  if (preview.isPending) return <Loader size="sm" />;
  if (preview.isError || !preview.data) return null;
  const p = preview.data;
  return (
    <div data-testid="rule-preview">
      <Text size="sm">
        {t('meetings.rulePreview', {
          matched: p.matched,
          added: p.added,
          levels: p.levels.length ? p.levels.map((l) => t(`level.${l}`)).join(', ') : t('meetings.ruleLevelsAll'),
        })}
      </Text>
      {p.unknownLevel > 0 && (
        <Alert color="yellow" variant="light" mt="xs" data-testid="rule-preview-unknown">
          {t('meetings.ruleUnknownLevel', { n: p.unknownLevel, names: p.unknownLevelNames.join(', ') })}
        </Alert>
      )}
    </div>
  );
}
