import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { usePeople } from '../api/people';
import { useT } from '../i18n/context';

export interface PersonOption {
  id: string;
  fullName: string;
  orgName: string | null;
}

type Props = Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  value: string | null;
  onChange: (id: string | null, person: PersonOption | null) => void;
  initial?: PersonOption | null;
};

const labelOf = (p: PersonOption) => (p.orgName ? `${p.fullName} — ${p.orgName}` : p.fullName);

/** Picks one person by searching `/api/people?q=`; options show the person's school. */
export function PersonPicker({ value, onChange, initial, ...rest }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<PersonOption | null>(initial ?? null);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const searching = debounced.length >= 2 && (!chosen || debounced !== labelOf(chosen));
  const results = usePeople({ q: debounced, pageSize: 20 }, searching);

  const people = useMemo(() => {
    const found: PersonOption[] = searching
      ? (results.data?.items ?? []).map((p) => ({ id: p.id, fullName: p.fullName, orgName: p.positions[0]?.orgName ?? null }))
      : [];
    const current = chosen && chosen.id === value ? [chosen] : initial && initial.id === value ? [initial] : [];
    return [...current, ...found.filter((p) => !current.some((c) => c.id === p.id))];
  }, [results.data, searching, chosen, initial, value]);

  return (
    <Select
      searchable
      clearable
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
