/** "07:45" in Vietnam time from an ISO instant. */
export function vnClock(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
}

/** "07:45 15/10/2024" in Vietnam time. */
export function vnDateTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${d.slice(11, 16)} ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}
