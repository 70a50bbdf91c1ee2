import { Group, Select, type SelectProps, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { OrgType } from '@shared/enums';
import type { OrgSummary } from '@shared/types';
import { useMemo, useState } from 'react';
import { useOrgSearch } from '../api/orgs';
import { useT } from '../i18n/context';
import { OrgTypeIcon } from './OrgTypeIcon';

type Props = Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: string | null;
  onChange: (id: string | null, org: OrgSummary | null) => void;
  /** The currently chosen org, so its name shows before any search. */
  initial?: OrgSummary | null;
  /** Only orgs of these types are offered. */
  types?: readonly OrgType[];
  date?: string | null;
};

/** Picks one org by searching the server (diacritics ignored). */
export function OrgPicker({ value, onChange, initial, types, date, ...rest }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<OrgSummary | null>(initial ?? null);
  const [debounced] = useDebouncedValue(search, 250);
  const typeParam = types?.length === 1 ? types[0] : undefined;
  const results = useOrgSearch(debounced === chosen?.name ? '' : debounced, { type: typeParam, date, limit: 30 });

  const orgs = useMemo(() => {
    const found = (results.data ?? []).filter((o) => !types || types.includes(o.type));
    const current = chosen && chosen.id === value ? [chosen] : initial && initial.id === value ? [initial] : [];
    return [...current, ...found.filter((o) => !current.some((c) => c.id === o.id))];
  }, [results.data, types, chosen, initial, value]);
  const byId = useMemo(() => new Map(orgs.map((o) => [o.id, o])), [orgs]);

  return (
    <Select
      searchable
      clearable
      // choosing the org already chosen keeps it (the clear button empties the field)
      allowDeselect={false}
      value={value}
      data={orgs.map((o) => ({ value: o.id, label: o.name }))}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const org = id ? (byId.get(id) ?? null) : null;
        setChosen(org);
        onChange(id, org);
      }}
      nothingFoundMessage={debounced.trim().length < 2 ? t('common.searchToFind') : t('common.nothingFound')}
      renderOption={({ option }) => {
        const org = byId.get(option.value);
        return (
          <Group gap={6} wrap="nowrap">
            {org && <OrgTypeIcon type={org.type} size={16} />}
            <Text size="sm">{option.label}</Text>
          </Group>
        );
      }}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
