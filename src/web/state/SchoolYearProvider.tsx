import type { SchoolYear } from '@shared/types';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { useSchoolYears } from '../api/reference';
import { todayIso } from '../lib/dates';
import { SchoolYearContext } from './schoolYearContext';

const STORAGE_KEY = 'lt.schoolYearId';

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The school year containing today, else the newest. */
export function defaultSchoolYear(years: SchoolYear[]): SchoolYear | null {
  const today = todayIso();
  return years.find((y) => y.startDate <= today && today <= y.endDate) ?? years[0] ?? null;
}

/** Provides the global school-year choice to every page under the app layout. */
export function SchoolYearProvider({ children }: { children: ReactNode }) {
  const query = useSchoolYears();
  const [storedId, setStoredId] = useState<string | null>(readStored);
  const years = query.data ?? [];

  const select = useCallback((id: string) => {
    setStoredId(id);
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // storage unavailable: the choice lasts for this page only
    }
  }, []);

  const value = useMemo(() => {
    const selected = years.find((y) => y.id === storedId) ?? defaultSchoolYear(years);
    return { years, selected, select, loading: query.isPending };
  }, [years, storedId, select, query.isPending]);

  return <SchoolYearContext.Provider value={value}>{children}</SchoolYearContext.Provider>;
}
