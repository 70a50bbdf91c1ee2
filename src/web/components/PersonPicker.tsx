import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { PersonSummary } from '@shared/types';
import { useMemo, useState } from 'react';
import { usePeople } from '../api/people';
import { useT } from '../i18n/context';

export interface PersonOption {
  id: string;
  fullName: string;
  orgName: string | null;
}

/** The meeting a picker works for: its invitable set is searched (every school of its network), not the own school. */
export type PickerScope = { meetingId: string } | { hostOrgId: string; networkId?: string | null };

type Props = Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: string | null;
  onChange: (id: string | null, person: PersonOption | null) => void;
  initial?: PersonOption | null;
  scope?: PickerScope | null;
};

/** Where a person works, for a label: "Tổ Toán, Trường THCS Tân Thạnh Đông" (a team with its school). */
export function placeOf(p: PersonSummary): string | null {
  const pos = p.positions[0];
  if (!pos) return null;
  return pos.schoolName ? `${pos.orgName}, ${pos.schoolName}` : pos.orgName;
}

function scopeQuery(scope: PickerScope | null | undefined) {
  if (!scope) return {};
  if ('meetingId' in scope) return { meetingId: scope.meetingId };
  return scope.networkId ? { hostOrgId: scope.hostOrgId, networkId: scope.networkId } : { hostOrgId: scope.hostOrgId };
}

const labelOf = (p: PersonOption) => (p.orgName ? `${p.fullName} — ${p.orgName}` : p.fullName);

/**
 * Picks one person by searching `/api/people?q=`; options show the person's team and school. With a meeting's scope
 * the search covers the people the meeting may invite.
 */
export function PersonPicker({ value, onChange, initial, scope, ...rest }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<PersonOption | null>(initial ?? null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const searching = debounced.length >= 2 && (!chosen || debounced !== labelOf(chosen));
  const results = usePeople({ q: debounced, pageSize: 20, ...scopeQuery(scope) }, searching);

  const people = useMemo(() => {
    const found: PersonOption[] = searching
      ? (results.data?.items ?? []).map((p) => ({ id: p.id, fullName: p.fullName, orgName: placeOf(p) }))
      : [];
    const current = chosen && chosen.id === value ? [chosen] : initial && initial.id === value ? [initial] : [];
    return [...current, ...found.filter((p) => !current.some((c) => c.id === p.id))];
  }, [results.data, searching, chosen, initial, value]);

  return (
    <Select
      searchable
      clearable
      // choosing the person already chosen keeps them (the clear button empties the field)
      allowDeselect={false}
      value={value}
      data={people.map((p) => ({ value: p.id, label: labelOf(p) }))}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const person = people.find((p) => p.id === id) ?? null;
        setChosen(person);
        onChange(id, person);
      }}
      nothingFoundMessage={debounced.length < 2 ? t('common.searchToFind') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
