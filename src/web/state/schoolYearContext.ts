import type { SchoolYear } from '@shared/types';
import { createContext, useContext } from 'react';

export interface SchoolYearValue {
  years: SchoolYear[];
  selected: SchoolYear | null;
  select: (id: string) => void;
  loading: boolean;
}

export const SchoolYearContext = createContext<SchoolYearValue>({ years: [], selected: null, select: () => {}, loading: true });

/** The globally selected school year (remembered in localStorage). */
export function useSchoolYear(): SchoolYearValue {
  return useContext(SchoolYearContext);
}
