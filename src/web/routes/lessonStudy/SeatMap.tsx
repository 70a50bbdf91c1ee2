import { Badge, Box, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { type SeatLayout, seatIds, seatLabel } from '@shared/lessonStudy';
import { useT } from '../../i18n/context';

/**
 * The seating map as big touch targets: rows × desks facing the board, or named groups. With `counts`, each seat
 * shows how many shared notes are about it (the analysis view); `selected` is highlighted.
 */
export function SeatMap({
  layout,
  selected,
  onSelect,
  counts,
}: {
  layout: SeatLayout;
  selected: string | null;
  onSelect: (seat: string | null) => void;
  counts?: Record<string, number>;
}) {
  const t = useT();
  const ids = seatIds(layout);
  const cols = layout.kind === 'grid' ? layout.cols : Math.min(3, layout.groupNames.length);
  return (
    <Box data-testid="seat-map">
      <Text ta="center" size="xs" c="dimmed" mb={4} style={{ borderBottom: '3px solid var(--mantine-color-gray-5)' }}>
        {t('observations.board')}
      </Text>
      <SimpleGrid cols={cols} spacing={6} verticalSpacing={6}>
        {ids.map((id) => {
          const on = selected === id;
          const n = counts?.[id] ?? 0;
          const label = seatLabel(layout, id);
          return (
            <UnstyledButton
              key={id}
              onClick={() => onSelect(on ? null : id)}
              aria-pressed={on}
              aria-label={counts ? `${label}: ${n}` : label}
              data-testid={`seat-${id}`}
              style={{
                minHeight: 48,
                borderRadius: 8,
                border: `2px solid var(--mantine-color-${on ? 'blue-7' : 'gray-4'})`,
                background: on
                  ? 'var(--mantine-color-blue-1)'
                  : n > 0
                    ? `rgba(250, 176, 5, ${Math.min(0.15 + n * 0.15, 0.75)})`
                    : 'var(--mantine-color-body)',
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'center',
                justifyContent: 'center',
                padding: 2,
              }}
            >
              <Text size="xs" fw={600} ta="center" lh={1.1} style={{ overflowWrap: 'anywhere' }}>
                {layout.kind === 'grid' ? id.replace('.', '–') : label}
              </Text>
              {counts && n > 0 && (
                <Badge size="sm" color="orange" variant="filled" data-testid={`seat-count-${id}`}>
                  {n}
                </Badge>
              )}
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Box>
  );
}
