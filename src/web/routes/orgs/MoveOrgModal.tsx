import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ALLOWED_CHILDREN, ORG_TYPES } from '@shared/enums';
import { orgParentInput } from '@shared/schemas';
import type { OrgDetail } from '@shared/types';
import { useMoveOrg } from '../../api/orgs';
import { DateField } from '../../components/DateField';
import { OrgPicker } from '../../components/OrgPicker';
import { useI18n } from '../../i18n/context';
import { todayIso } from '../../lib/dates';
import { zodFieldErrors } from '../../lib/formErrors';
import { notifySuccess, showServerError } from '../../lib/notify';

/** Re-parents an org from a date (e.g. a school moving from the district office to its commune on 01/07/2025). */
export function MoveOrgModal({ org, opened, onClose }: { org: OrgDetail; opened: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const move = useMoveOrg(org.id);
  const parentTypes = ORG_TYPES.filter((type) => ALLOWED_CHILDREN[type].includes(org.type));
  const form = useForm<{ parentId: string | null; validFrom: string | null }>({
    initialValues: { parentId: null, validFrom: todayIso() },
    validate: (v) => zodFieldErrors(orgParentInput, v, t, lang),
  });

  const submit = form.onSubmit((v) => {
    if (!v.parentId || !v.validFrom) return;
    move.mutate(
      { parentId: v.parentId, validFrom: v.validFrom },
      {
        onSuccess: () => {
          notifySuccess(t('move.done'));
          onClose();
        },
        onError: (error) => showServerError(error, t, form.setErrors),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('move.title')} fullScreen={false} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {org.parent && <Text size="sm">{t('move.current', { name: org.parent.name })}</Text>}
          <OrgPicker
            label={t('move.newParent')}
            placeholder={t('common.searchToFind')}
            types={parentTypes}
            withAsterisk
            data-testid="move-parent"
            value={form.values.parentId}
            onChange={(id) => form.setFieldValue('parentId', id)}
            error={form.errors.parentId}
          />
          <DateField
            label={t('move.validFrom')}
            description={t('move.note')}
            withAsterisk
            value={form.values.validFrom}
            onChange={(v) => form.setFieldValue('validFrom', v)}
            error={form.errors.validFrom}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={move.isPending}>
              {t('move.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
