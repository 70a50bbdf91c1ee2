import { Group, Select, TextInput } from '@mantine/core';
import { MATERIAL_KINDS, MATERIAL_VISIBILITIES, TEXTBOOK_SERIES, textbookSeriesNames } from '@shared/materials';
import { useSubjects } from '../../api/reference';
import { useT } from '../../i18n/context';

/** The descriptive fields a material carries, as the forms hold them (selects give strings or null). */
export interface MaterialTagValues {
  title: string;
  materialKind: string | null;
  visibility: string | null;
  subjectId: string | null;
  grade: string | null;
  textbookSeries: string | null;
  lesson: string;
}

type TagKey = keyof MaterialTagValues;

/**
 * Title, kind, visibility, subject, grade, textbook series and lesson: the same fields in the upload form and in
 * "publish a meeting attachment". `testIdPrefix` keeps each form's test ids (`material-title`, `publish-title`, …).
 */
export function MaterialTagFields({
  values: v,
  set,
  errors,
  testIdPrefix,
}: {
  values: MaterialTagValues;
  set: (key: TagKey) => (value: string | null) => void;
  errors: Record<string, string>;
  testIdPrefix: string;
}) {
  const t = useT();
  const subjects = useSubjects();
  const id = (name: string) => `${testIdPrefix}-${name}`;
  return (
    <>
      <TextInput
        size="md"
        label={t('materials.titleLabel')}
        value={v.title}
        onChange={(e) => set('title')(e.currentTarget.value)}
        error={errors.title}
        withAsterisk
        data-testid={id('title')}
      />
      <Group grow wrap="wrap">
        <Select
          size="md"
          label={t('materials.kindLabel')}
          data={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`materials.kind.${k}`) }))}
          value={v.materialKind}
          onChange={set('materialKind')}
          error={errors.materialKind}
          allowDeselect={false}
          data-testid={id('kind')}
        />
        <Select
          size="md"
          label={t('materials.visibilityLabel')}
          data={MATERIAL_VISIBILITIES.map((k) => ({ value: k, label: t(`materials.visibility.${k}`) }))}
          value={v.visibility}
          onChange={set('visibility')}
          error={errors.visibility}
          allowDeselect={false}
          data-testid={id('visibility')}
        />
      </Group>
      <Group grow wrap="wrap">
        <Select
          size="md"
          label={t('materials.subject')}
          searchable
          clearable
          data={(subjects.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          value={v.subjectId}
          onChange={set('subjectId')}
          error={errors.subjectId}
          data-testid={id('subject')}
        />
        <Select
          size="md"
          label={t('materials.grade')}
          clearable
          data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: t('materials.gradeN', { n: i + 1 }) }))}
          value={v.grade}
          onChange={set('grade')}
          error={errors.grade}
          data-testid={id('grade')}
        />
      </Group>
      <Select
        size="md"
        label={t('materials.series')}
        clearable
        data={TEXTBOOK_SERIES.map((s) => ({ value: s, label: textbookSeriesNames[s] }))}
        value={v.textbookSeries}
        onChange={set('textbookSeries')}
        error={errors.textbookSeries}
        data-testid={id('series')}
      />
      <TextInput
        size="md"
        label={t('materials.lesson')}
        value={v.lesson}
        onChange={(e) => set('lesson')(e.currentTarget.value)}
        error={errors.lesson}
        data-testid={id('lesson')}
      />
    </>
  );
}
