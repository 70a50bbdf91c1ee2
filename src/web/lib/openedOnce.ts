import { useState } from 'react';

/**
 * True from the first render in which `opened` is true, and from then on. A dialog whose code loads on demand is
 * mounted on its first opening and kept afterwards, so it closes with its transition and keeps its state.
 */
export function useOpenedOnce(opened: boolean): boolean {
  const [once, setOnce] = useState(opened);
  if (opened && !once) setOnce(true);
  return once || opened;
}
