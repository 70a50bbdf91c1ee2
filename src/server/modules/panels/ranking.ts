import type { RubricGroup } from '../../../shared/rubrics';

/** One entry's submitted scores, as ranking needs them. */
export interface EntryScores {
  entryId: string;
  teamName: string;
  schoolName: string | null;
  selected: boolean;
  scores: Array<{ memberName: string; points: Record<string, number>; total: number }>;
}

export interface Ranked {
  entryId: string;
  teamName: string;
  schoolName: string | null;
  scoreCount: number;
  average: number;
  groupAverages: number[];
  rank: number;
  selected: boolean;
  tieAtCut: boolean;
  memberTotals: Array<{ memberName: string; total: number }>;
}

const cents = (x: number) => Math.round(x * 100);
const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/**
 * Ranks entries by the average of the panel members' totals (2 decimals). Tie-break, stated on the event page and in
 * the DOCX: the average of the rubric's groups in order (for seed 004's rubric: the dossier, then the video report).
 * Entries equal on all of these share a rank (1, 1, 3…). When entries sharing a rank straddle the N-th place, they are
 * marked tieAtCut and the panel head decides which go on.
 */
export function rankEntries(entries: EntryScores[], groups: RubricGroup[], selectCount: number): Ranked[] {
  const rows = entries.map((e) => {
    const groupAverages = groups.map((g) => mean(e.scores.map((s) => g.criteria.reduce((t, c) => t + (s.points[c.key] ?? 0), 0))));
    return {
      entryId: e.entryId,
      teamName: e.teamName,
      schoolName: e.schoolName,
      scoreCount: e.scores.length,
      average: cents(mean(e.scores.map((s) => s.total))) / 100,
      groupAverages: groupAverages.map((g) => cents(g) / 100),
      rank: 0,
      selected: e.selected,
      tieAtCut: false,
      memberTotals: e.scores.map((s) => ({ memberName: s.memberName, total: s.total })),
    };
  });
  const key = (r: (typeof rows)[number]) => [cents(r.average), ...r.groupAverages.map(cents)];
  const compare = (a: (typeof rows)[number], b: (typeof rows)[number]) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i] - ka[i];
    return 0;
  };
  rows.sort((a, b) => compare(a, b) || a.teamName.localeCompare(b.teamName, 'vi'));
  rows.forEach((r, i) => {
    r.rank = i > 0 && compare(rows[i - 1], r) === 0 ? rows[i - 1].rank : i + 1;
  });
  if (rows.length > selectCount) {
    const cutRank = rows[selectCount - 1].rank;
    if (rows[selectCount].rank === cutRank) for (const r of rows) if (r.rank === cutRank) r.tieAtCut = true;
  }
  return rows;
}

/**
 * Whether a selection respects the ranking: at most N entries, and no entry left out ranks strictly better than one
 * chosen (among entries tied at the cut the head chooses freely).
 */
export function selectionProblem(ranked: Ranked[], chosen: Set<string>, selectCount: number): string | null {
  if (chosen.size > selectCount) return `Chỉ được chọn tối đa ${selectCount} tổ`;
  const worstChosen = Math.max(0, ...ranked.filter((r) => chosen.has(r.entryId)).map((r) => r.rank));
  const skipped = ranked.find((r) => !chosen.has(r.entryId) && r.rank < worstChosen);
  return skipped ? `Tổ «${skipped.teamName}» xếp hạng ${skipped.rank}, cao hơn tổ được chọn: hãy chọn theo thứ tự xếp hạng` : null;
}
