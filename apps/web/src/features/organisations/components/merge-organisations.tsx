import '../locale';
import { App, Form, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAsOf } from '../../../lib/as-of';
import { foldedSearch } from '../../../lib/folded-search';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { OrganisationDetail } from '../api/get-organisation';
import { useOrganisation } from '../api/get-organisation';
import { useMergeOrganisations } from '../api/organisation-mutations';
import { DatedChange } from './dated-change';

/**
 * Merges other organisations under the same parent into this one (mergeOrganisations): their members and child
 * organisations move here from the date and they are dissolved. The counts are confirmed before it is sent: it
 * cannot be undone. An organisation under another parent is moved here first (Chuyển trực thuộc).
 */
export const MergeOrganisations = ({
  organisation: o,
  onClose,
}: {
  organisation: OrganisationDetail;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { asOf } = useAsOf();
  const { modal, message: toast } = App.useApp();
  const navigate = useNavigate();
  const href = useAppHref();
  const merge = useMergeOrganisations();
  const parent = useOrganisation(o.parent?.id ?? '', asOf);
  const siblings = (parent.data?.children ?? []).filter((c) => c.id !== o.id && !c.dissolvedOn);

  return (
    <DatedChange
      testId="organisation-merge-form"
      submitting={merge.isPending}
      error={merge.error}
      hint={t('restructure.merge.hint', { name: o.name })}
      submitLabel={t('restructure.merge.submit')}
      danger
      onCancel={onClose}
      extra={(help) => (
        <Form.Item
          name="sourceIds"
          label={t('restructure.merge.sources')}
          rules={[{ required: true, message: t('restructure.merge.pickSources') }]}
          validateStatus={help('sourceIds') || help('targetId') ? 'error' : undefined}
          help={help('sourceIds') ?? help('targetId')}
        >
          <Select
            mode="multiple"
            loading={parent.isPending}
            placeholder={t('restructure.merge.pickSources')}
            showSearch={foldedSearch}
            data-testid="merge-sources"
            options={siblings.map((c) => ({ value: c.id, label: `${c.name} (${t(`organisation.kind.${c.kind}`)})` }))}
          />
        </Form.Item>
      )}
      onSubmit={(v) => {
        const sources = siblings.filter((c) => v.sourceIds?.includes(c.id));
        modal.confirm({
          title: t('restructure.merge.confirmTitle', { name: o.name }),
          content: t('restructure.merge.confirm', {
            count: sources.length,
            names: sources.map((c) => c.name).join(', '),
            members: sources.reduce((n, c) => n + c.memberCount, 0),
            children: sources.reduce((n, c) => n + c.childCount, 0),
            date: f.date(v.effectiveOn),
          }),
          okText: t('restructure.merge.submit'),
          okButtonProps: { danger: true, 'data-testid': 'merge-confirm' } as ButtonProps,
          cancelText: t('common.cancel'),
          onOk: () =>
            merge.mutate(
              {
                targetId: o.id,
                sourceIds: sources.map((c) => c.id),
                effectiveOn: v.effectiveOn,
                ...(v.note ? { note: v.note } : {}),
              },
              {
                onSuccess: (target) => {
                  onClose();
                  void toast.success(t('restructure.merge.done', { name: target.name }));
                  void navigate(href(paths.organisation(target.id)));
                },
              },
            ),
        });
      }}
    />
  );
};
