import type { RuleBreakInput, RulePresetName, RuleSetInput, RulesView } from '@shared/rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

const path = (orgId: string, schoolYearId: string) => `/orgs/${orgId}/rules/${schoolYearId}`;

/** The rules of an org for a school year (own, inherited or defaults) with `can.edit`. */
export function useRules(orgId: string | null, schoolYearId: string | null) {
  return useQuery({
    queryKey: ['rules', orgId, schoolYearId],
    queryFn: () => api<RulesView>(path(orgId as string, schoolYearId as string)),
    enabled: Boolean(orgId && schoolYearId),
  });
}

function useRulesMutation<T>(orgId: string, schoolYearId: string, send: (body: T) => Promise<RulesView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (data) => {
      qc.setQueryData(['rules', orgId, schoolYearId], data);
      qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

/** Creates or replaces the rule set from the form. */
export function useSaveRules(orgId: string, schoolYearId: string) {
  return useRulesMutation(orgId, schoolYearId, (body: RuleSetInput) => api<RulesView>(path(orgId, schoolYearId), { method: 'PUT', body }));
}

/** Replaces the rule set with a preset (seed values, default breaks). */
export function useApplyPreset(orgId: string, schoolYearId: string) {
  return useRulesMutation(orgId, schoolYearId, (preset: RulePresetName) =>
    api<RulesView>(`${path(orgId, schoolYearId)}/preset`, { method: 'POST', body: { preset } }),
  );
}

/** Replaces the breaks only. */
export function useSaveBreaks(orgId: string, schoolYearId: string) {
  return useRulesMutation(orgId, schoolYearId, (breaks: RuleBreakInput[]) =>
    api<RulesView>(`${path(orgId, schoolYearId)}/breaks`, { method: 'PUT', body: { breaks } }),
  );
}
