import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { InspectionView } from '@shared/inspections';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useInspectionAreas, useInspections } from '../../api/inspections';
import { useProgrammeCan } from '../../api/programme';
import { type Column, DataTable } from '../../components/DataTable';
import { AnchorLink } from '../../components/links';
import { PageHeader } from '../../components/PageHeader';
import { Empty, QueryState } from '../../components/PageState';
import { Section } from '../../components/Section';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/dates';
import { useSchoolYear } from '../../state/schoolYearContext';
import { documentUrl, monthLabel } from '../programme/programmeFormat';
import { InspectionStatusBadge } from './InspectionBadges';
import { AreaModal, InspectionModal } from './InspectionModals';

/** "Kiểm tra": the inspection month per area (Phụ lục II) and the inspections the user may read. */
export default function InspectionsPage() {
  const t = useT();
  const { selected } = useSchoolYear();
  const areas = useInspectionAreas(selected?.id ?? null);
  const list = useInspections(selected?.id ?? null);
  const can = useProgrammeCan();
  const province = can.data?.provinces[0];
  const [addingArea, setAddingArea] = useState(false);
  const [adding, setAdding] = useState(false);

  const columns: Column<InspectionView>[] = [
    {
      key: 'unit',
      header: t('inspections.unit'),
      primary: true,
      render: (i) => (
        <AnchorLink to="/inspections/$inspectionId" params={{ inspectionId: i.id }} fw={600} data-testid="inspection-link">
          {i.targetName}
        </AnchorLink>
      ),
    },
    { key: 'date', header: t('inspections.visitDate'), render: (i) => formatDate(i.visitDate) },
    { key: 'due', header: t('inspections.documentsDue'), render: (i) => formatDate(i.documentsDueDate) },
    { key: 'area', header: t('inspections.areaPick'), render: (i) => i.areaLabel ?? '—', hideOnPhone: true },
    { key: 'status', header: t('inspections.status'), render: (i) => <InspectionStatusBadge status={i.status} overdue={i.overdue} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('inspections.title')}
        subtitle={selected ? t('inspections.subtitle', { year: selected.code }) : undefined}
        actions={
          province ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="inspection-add">
              {t('inspections.add')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <Section title={t('inspections.plan')} testId="inspection-plan">
          <QueryState query={areas}>
            {(rows) =>
              rows.length === 0 ? (
                <Empty>{t('inspections.planEmpty')}</Empty>
              ) : (
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={48}>TT</Table.Th>
                      <Table.Th>{t('inspections.area')}</Table.Th>
                      <Table.Th>{t('inspections.month')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((a, i) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>{i + 1}</Table.Td>
                        <Table.Td>{a.label}</Table.Td>
                        <Table.Td>{t('programme.monthValue', { month: monthLabel(a.month) })}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )
            }
          </QueryState>
          <Group mt="sm" gap="md">
            {province && (
              <Button variant="light" size="sm" leftSection={<IconPlus size={14} />} onClick={() => setAddingArea(true)}>
                {t('inspections.addArea')}
              </Button>
            )}
            {selected && (
              <>
                <Anchor href={documentUrl('/inspections/phu-luc-2.docx', selected.id)} download data-testid="inspections-docx">
                  <Group gap={4}>
                    <IconDownload size={16} />
                    {t('inspections.docx')}
                  </Group>
                </Anchor>
                <Anchor href={documentUrl('/inspections/phu-luc-2.xlsx', selected.id)} download>
                  <Group gap={4}>
                    <IconDownload size={16} />
                    {t('inspections.xlsx')}
                  </Group>
                </Anchor>
              </>
            )}
          </Group>
        </Section>
        <Section title={t('inspections.list')}>
          <QueryState query={list}>
            {(rows) =>
              rows.length === 0 ? (
                <Empty>{t('inspections.empty')}</Empty>
              ) : (
                <DataTable rows={rows} rowKey={(i) => i.id} columns={columns} testId="inspection-list" />
              )
            }
          </QueryState>
          <Text size="sm" c="dimmed" mt="xs">
            {t('inspections.documentsRule')}
          </Text>
        </Section>
      </Stack>
      {selected && province && (
        <AreaModal opened={addingArea} year={selected} provinceOrgId={province.id} onClose={() => setAddingArea(false)} />
      )}
      {selected && <InspectionModal opened={adding} year={selected} areas={areas.data ?? []} onClose={() => setAdding(false)} />}
    </>
  );
}
