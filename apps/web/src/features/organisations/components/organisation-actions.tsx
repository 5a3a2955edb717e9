import {
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  MergeCellsOutlined,
  NodeIndexOutlined,
  PlusOutlined,
  SplitCellsOutlined,
} from '@ant-design/icons';
import { App, Button, Drawer, Dropdown, Flex, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { allowedChildKinds } from '../../../lib/domain';
import { paths, useAppHref } from '../../../lib/paths';
import type { CreateOrganisationInput, UpdateOrganisationInput } from '../../../gql/graphql';
import type { OrganisationDetail } from '../api/get-organisation';
import {
  useCreateOrganisation,
  useDissolveOrganisation,
  useMoveOrganisation,
  useUpdateOrganisation,
} from '../api/organisation-mutations';
import { DatedChange } from './dated-change';
import { MergeOrganisations } from './merge-organisations';
import { OrganisationForm } from './organisation-form';
import { SplitOrganisation } from './split-organisation';

type Dialog = 'create' | 'edit' | 'move' | 'merge' | 'split' | 'dissolve' | null;

/**
 * What a writer of the organisation may do to it: add a child, change its fields, move it, merge others into it, split
 * it, dissolve it. A root has no parent to move under or to split under.
 */
export const OrganisationActions = ({ organisation: o }: { organisation: OrganisationDetail }) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Dialog>(null);
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation();
  const move = useMoveOrganisation();
  const dissolve = useDissolveOrganisation();
  const { message: toast } = App.useApp();
  const navigate = useNavigate();
  const href = useAppHref();
  const canHaveChildren = allowedChildKinds(o.kind).length > 0;
  const dissolved = Boolean(o.dissolvedOn);

  const show = (d: Dialog) => {
    for (const m of [create, update, move, dissolve]) m.reset();
    setOpen(d);
  };
  const close = () => setOpen(null);

  return (
    <>
      <Flex gap={8} wrap>
        {canHaveChildren && !dissolved && (
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => show('create')}
            data-testid="organisation-add-child"
          >
            {t('organisationForm.addChild')}
          </Button>
        )}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              {
                key: 'edit',
                icon: <EditOutlined aria-hidden />,
                label: t('organisationForm.edit'),
                disabled: dissolved,
              },
              {
                key: 'move',
                icon: <NodeIndexOutlined aria-hidden />,
                label: t('organisationForm.move'),
                disabled: dissolved || !o.parent,
              },
              {
                key: 'merge',
                icon: <MergeCellsOutlined aria-hidden />,
                label: t('restructure.merge.action'),
                disabled: dissolved || !o.parent,
              },
              {
                key: 'split',
                icon: <SplitCellsOutlined aria-hidden />,
                label: t('restructure.split.action'),
                disabled: dissolved || !o.parent,
              },
              {
                key: 'dissolve',
                icon: <DeleteOutlined aria-hidden />,
                label: t('organisationForm.dissolve'),
                danger: true,
                disabled: dissolved,
              },
            ],
            onClick: ({ key }) => show(key as Dialog),
          }}
        >
          <Button data-testid="organisation-actions">
            {t('organisationForm.actions')} <DownOutlined aria-hidden />
          </Button>
        </Dropdown>
      </Flex>
      <Drawer
        open={open === 'create' || open === 'edit'}
        onClose={close}
        size="large"
        destroyOnHidden
        title={
          open === 'edit'
            ? t('organisationForm.editTitle', { name: o.name })
            : t('organisationForm.addChildTitle', { name: o.name })
        }
      >
        {open === 'create' && (
          <OrganisationForm
            parent={{ id: o.id, kind: o.kind }}
            submitting={create.isPending}
            error={create.error}
            onCancel={close}
            onSubmit={(input) =>
              create.mutate(input as CreateOrganisationInput, {
                onSuccess: (created) => {
                  close();
                  void toast.success(t('organisationForm.created', { name: created.name }));
                  void navigate(href(paths.organisation(created.id)));
                },
              })
            }
          />
        )}
        {open === 'edit' && (
          <OrganisationForm
            organisation={o}
            submitting={update.isPending}
            error={update.error}
            onCancel={close}
            onSubmit={(input) =>
              update.mutate(
                { id: o.id, input: input as UpdateOrganisationInput },
                {
                  onSuccess: () => {
                    close();
                    void toast.success(t('organisationForm.saved'));
                  },
                },
              )
            }
          />
        )}
      </Drawer>
      <Modal
        open={open === 'move'}
        onCancel={close}
        footer={null}
        destroyOnHidden
        title={t('organisationForm.moveTitle', { name: o.name })}
      >
        <DatedChange
          testId="organisation-move-form"
          withParent
          submitting={move.isPending}
          error={move.error}
          hint={t('organisationForm.moveHint')}
          submitLabel={t('organisationForm.move')}
          onCancel={close}
          onSubmit={(v) =>
            move.mutate(
              {
                id: o.id,
                newParentId: v.newParentId ?? '',
                effectiveOn: v.effectiveOn,
                ...(v.note ? { note: v.note } : {}),
              },
              {
                onSuccess: () => {
                  close();
                  void toast.success(t('organisationForm.moved'));
                },
              },
            )
          }
        />
      </Modal>
      <Modal
        open={open === 'merge'}
        onCancel={close}
        footer={null}
        destroyOnHidden
        title={t('restructure.merge.title', { name: o.name })}
      >
        <MergeOrganisations organisation={o} onClose={close} />
      </Modal>
      <Drawer
        open={open === 'split'}
        onClose={close}
        size="large"
        destroyOnHidden
        title={t('restructure.split.title', { name: o.name })}
      >
        <SplitOrganisation organisation={o} onClose={close} />
      </Drawer>
      <Modal
        open={open === 'dissolve'}
        onCancel={close}
        footer={null}
        destroyOnHidden
        title={t('organisationForm.dissolveTitle', { name: o.name })}
      >
        <DatedChange
          testId="organisation-dissolve-form"
          submitting={dissolve.isPending}
          error={dissolve.error}
          hint={t('organisationForm.dissolveHint')}
          submitLabel={t('organisationForm.dissolve')}
          danger
          onCancel={close}
          onSubmit={(v) =>
            dissolve.mutate(
              { id: o.id, effectiveOn: v.effectiveOn, ...(v.note ? { note: v.note } : {}) },
              {
                onSuccess: () => {
                  close();
                  void toast.success(t('organisationForm.dissolved'));
                },
              },
            )
          }
        />
      </Modal>
    </>
  );
};
