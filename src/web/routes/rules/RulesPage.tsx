import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { OFFICE_TYPES, type OrgType } from '@shared/enums';
import { RULE_PRESET_NAMES, type RulePresetName, type RulesView } from '@shared/rules';
import { IconInfoCircle, IconWand } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useMe } from '../../api/auth';
import { useApplyPreset, useRules } from '../../api/rules';
import { AnchorLink } from '../../components/links';
import { OrgPicker } from '../../components/OrgPicker';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { notifySuccess, showServerError } from '../../lib/notify';
import { useSchoolYear } from '../../state/schoolYearContext';
import { RulesForm } from './RulesForm';

function SourceNote({ view }: { view: RulesView }) {
  const t = useT();
  const own = view.rules.source === 'own';
  const text =
    view.rules.source === 'inherited' && view.sourceOrg
      ? t('rules.sourceInherited', { org: view.sourceOrg.name })
      : own
        ? t('rules.sourceOwn')
        : t('rules.sourceDefault');
  return (
    <Alert color={own ? 'teal' : 'blue'} icon={<IconInfoCircle size={20} />} data-testid="rules-source">
      <Text size="sm">{OFFICE_TYPES.includes(view.org.type as never) ? text : `${t('rules.notOffice')} ${text}`}</Text>
      {view.rules.preset && RULE_PRESET_NAMES.includes(view.rules.preset as RulePresetName) && (
        <Text size="sm" fw={600} data-testid="rules-preset-name">
          {t('rules.fromPreset', { name: t(`rules.presetName.${view.rules.preset as RulePresetName}`) })}
        </Text>
      )}
      {view.rules.source === 'inherited' && view.sourceOrg && (
        <AnchorLink to="/rules" search={{ orgId: view.sourceOrg.id }} size="sm">
          {view.sourceOrg.name}
        </AnchorLink>
      )}
      {!view.can.edit && (
        <Text size="sm" mt={4} c="dimmed">
          {t('rules.readOnly')}
        </Text>
      )}
    </Alert>
  );
}

function PresetPicker({ view }: { view: RulesView }) {
  const t = useT();
  const [preset, setPreset] = useState<RulePresetName | null>(null);
  const apply = useApplyPreset(view.org.id, view.schoolYear.id);
  return (
    <Section title={t('rules.preset')} testId="rules-preset">
      <Text size="sm" c="dimmed" mb="sm">
        {t('rules.presetHelp')}
      </Text>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          size="md"
          aria-label={t('rules.preset')}
          placeholder={t('rules.presetPlaceholder')}
          data={RULE_PRESET_NAMES.map((p) => ({ value: p, label: t(`rules.preset.${p}`) }))}
          value={preset}
          onChange={(v) => setPreset(v as RulePresetName | null)}
          style={{ flex: '1 1 18rem' }}
          data-testid="rules-preset-select"
        />
        <Button
          size="md"
          leftSection={<IconWand size={18} />}
          disabled={!preset}
          loading={apply.isPending}
          onClick={() =>
            preset &&
            apply.mutate(preset, { onSuccess: () => notifySuccess(t('rules.presetApplied')), onError: (e) => showServerError(e, t) })
          }
          data-testid="rules-preset-apply"
        >
          {t('rules.presetApply')}
        </Button>
      </Group>
    </Section>
  );
}

/** "Quy định sinh hoạt chuyên môn": an office's quotas, deadlines and breaks for the selected school year. */
export default function RulesPage() {
  const t = useT();
  const navigate = useNavigate({ from: '/rules' });
  const search = useSearch({ from: '/app/rules' });
  const me = useMe();
  const { selected } = useSchoolYear();
  const ownOffice = me.data?.positions.find((p) => OFFICE_TYPES.includes(p.orgType))?.orgId;
  const orgId = search.orgId ?? ownOffice ?? null;
  const rules = useRules(orgId, selected?.id ?? null);
  return (
    <>
      <PageHeader
        title={t('rules.title')}
        subtitle={rules.data ? t('rules.subtitle', { org: rules.data.org.name, year: rules.data.schoolYear.code }) : undefined}
      />
      <Stack gap="md">
        <OrgPicker
          size="md"
          label={t('rules.org')}
          value={orgId}
          initial={
            rules.data
              ? {
                  id: rules.data.org.id,
                  code: '',
                  name: rules.data.org.name,
                  shortName: null,
                  type: rules.data.org.type as OrgType,
                  levels: [],
                }
              : null
          }
          types={OFFICE_TYPES}
          onChange={(id) => navigate({ search: { orgId: id ?? undefined } })}
          maw={520}
          data-testid="rules-org"
        />
        {!selected ? (
          <Empty>{t('rules.pickYear')}</Empty>
        ) : !orgId ? (
          <Empty>{t('rules.chooseOrg')}</Empty>
        ) : (
          <QueryState query={rules}>
            {(view) => (
              <Stack gap="md" key={`${view.org.id}/${view.schoolYear.id}/${view.rules.ruleSetId}/${view.rules.source}`}>
                <SourceNote view={view} />
                {view.can.edit && <PresetPicker view={view} />}
                <RulesForm key={JSON.stringify(view.rules)} view={view} />
              </Stack>
            )}
          </QueryState>
        )}
      </Stack>
    </>
  );
}
