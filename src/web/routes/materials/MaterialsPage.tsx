import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { MATERIAL_KINDS, type MaterialKind, type MaterialView, textbookSeriesNames } from '@shared/materials';
import { IconSearch, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useMaterials } from '../../api/materials';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { UploadModal } from './UploadModal';

/** One material as a card: title, tags, school, date. */
function MaterialCard({ m }: { m: MaterialView }) {
  const t = useT();
  return (
    <Card withBorder padding="sm" data-testid="material-card">
      <Stack gap={6}>
        <AnchorLink to="/materials/$materialId" params={{ materialId: m.id }} fw={600} data-testid="material-link">
          {m.title}
        </AnchorLink>
        <Group gap={6}>
          <Badge variant="light">{t(`materials.kind.${m.materialKind}`)}</Badge>
          {m.subject && (
            <Badge variant="outline" color="gray">
              {m.grade ? `${m.subject.name} ${m.grade}` : m.subject.name}
            </Badge>
          )}
          {m.textbookSeries && (
            <Badge variant="outline" color="teal">
              {textbookSeriesNames[m.textbookSeries]}
            </Badge>
          )}
        </Group>
        {m.lesson && <Text size="sm">{m.lesson}</Text>}
        <Text size="xs" c="dimmed">
          {m.ownerOrg.name} · {formatDate(m.createdAt)} · {t(`materials.visibility.${m.visibility}`)}
        </Text>
      </Stack>
    </Card>
  );
}

/** "Học liệu": search without diacritics, filter by kind and grade, upload. */
export default function MaterialsPage() {
  const t = useT();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<MaterialKind | null>(null);
  const [grade, setGrade] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [debounced] = useDebouncedValue(q, 300);
  const list = useMaterials({ q: debounced || undefined, materialKind: kind ?? undefined, grade: grade ? Number(grade) : undefined });
  return (
    <>
      <PageHeader
        title={t('materials.title')}
        subtitle={t('materials.subtitle')}
        actions={
          <Button size="md" leftSection={<IconUpload size={18} />} onClick={() => setUploading(true)} data-testid="material-upload-open">
            {t('materials.upload')}
          </Button>
        }
      />
      <Group gap="xs" mb="md" align="flex-end" wrap="wrap">
        <TextInput
          size="md"
          leftSection={<IconSearch size={18} />}
          placeholder={t('materials.searchPlaceholder')}
          aria-label={t('materials.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
          data-testid="material-search"
        />
        <Select
          size="md"
          clearable
          placeholder={t('materials.allKinds')}
          aria-label={t('materials.kindLabel')}
          data={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`materials.kind.${k}`) }))}
          value={kind}
          onChange={(v) => setKind(v as MaterialKind | null)}
          style={{ flex: '1 1 10rem' }}
        />
        <Select
          size="md"
          clearable
          placeholder={t('materials.allGrades')}
          aria-label={t('materials.grade')}
          data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('materials.gradeN', { n: i + 1 }) }))}
          value={grade}
          onChange={setGrade}
          style={{ flex: '1 1 8rem' }}
        />
      </Group>
      <QueryState query={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Empty>{t('materials.none')}</Empty>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="material-results">
              {rows.map((m) => (
                <MaterialCard key={m.id} m={m} />
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
      <UploadModal opened={uploading} onClose={() => setUploading(false)} />
    </>
  );
}
