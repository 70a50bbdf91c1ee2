import { MultiSelect, type MultiSelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { OrgType } from '@shared/enums';
import type { OrgSummary } from '@shared/types';
import { useMemo, useState } from 'react';
import { useOrgSearch } from '../api/orgs';
import { useT } from '../i18n/context';

type Props = Omit<MultiSelectProps, 'value' | 'onChange' | 'data'> & {
  value: string[];
  onChange: (ids: string[], orgs: OrgSummary[]) => void;
  /** The orgs already chosen (for their names). */
  initial?: OrgSummary[];
  types?: readonly OrgType[];
  date?: string | null;
};

/** Picks several orgs by searching the server; chosen orgs stay listed as pills. */
export function OrgMultiPicker({ value, onChange, initial = [], types, date, ...rest }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [known, setKnown] = useState<Map<string, OrgSummary>>(() => new Map(initial.map((o) => [o.id, o])));
  const [debounced] = useDebouncedValue(search, 250);
  const results = useOrgSearch(debounced, { date, limit: 30 });

  const options = useMemo(() => {
    const chosen = value.map((id) => known.get(id)).filter((o): o is OrgSummary => Boolean(o));
    const found = (results.data ?? []).filter((o) => (!types || types.includes(o.type)) && !value.includes(o.id));
    return [...chosen, ...found];
  }, [value, known, results.data, types]);

  return (
    <MultiSelect
      searchable
      value={value}
      data={options.map((o) => ({ value: o.id, label: o.name }))}
      filter={({ options: list }) => list}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) => {
        const next = new Map(known);
        for (const o of options) next.set(o.id, o);
        setKnown(next);
        onChange(
          ids,
          ids.map((id) => next.get(id)).filter((o): o is OrgSummary => Boolean(o)),
        );
        setSearch('');
      }}
      nothingFoundMessage={debounced.trim().length < 2 ? t('common.searchToFind') : t('common.nothingFound')}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}
