import { DeleteOutlined, DownOutlined, EditOutlined, NodeIndexOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Drawer, Dropdown, Flex, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { OrganisationField } from '../../../components/organisation-picker';
import { FormActions } from '../../../components/ui/form-actions';
import { todayIso } from '../../../lib/as-of';
import { allowedChildKinds } from '../../../lib/domain';
import { paths, useAppHref } from '../../../lib/paths';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { CreateOrganisationInput, UpdateOrganisationInput } from '../../../gql/graphql';
import type { OrganisationDetail } from '../api/get-organisation';
import { useCreateOrganisation, useDissolveOrganisation, useMoveOrganisation, useUpdateOrganisation } from '../api/organisation-mutations';
import { OrganisationForm } from './organisation-form';

type Dialog = 'create' | 'edit' | 'move' | 'dissolve' | null;
type DatedValues = { effectiveOn?: Dayjs | null; newParentId?: string | null; note?: string };

/** What a writer of the organisation may do to it: add a child, change its fields, move it, dissolve it. */
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
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => show('create')} data-testid="organisation-add-child">
            {t('organisationForm.addChild')}
          </Button>
        )}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'edit', icon: <EditOutlined aria-hidden />, label: t('organisationForm.edit'), disabled: dissolved },
              { key: 'move', icon: <NodeIndexOutlined aria-hidden />, label: t('organisationForm.move'), disabled: dissolved || !o.parent },
              { key: 'dissolve', icon: <DeleteOutlined aria-hidden />, label: t('organisationForm.dissolve'), danger: true, disabled: dissolved },
            ],
            onClick: ({ key }) => show(key as Dialog),
          }}
        >
          <Button data-testid="organisation-actions">
            {t('organisationForm.actions')} <DownOutlined aria-hidden />
          </Button>
        </Dropdown>
      </Flex>
      <Drawer open={open === 'create' || open === 'edit'} onClose={close} size="large" destroyOnHidden
        title={open === 'edit' ? t('organisationForm.editTitle', { name: o.name }) : t('organisationForm.addChildTitle', { name: o.name })}>
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
              update.mutate({ id: o.id, input: input as UpdateOrganisationInput }, { onSuccess: () => { close(); void toast.success(t('organisationForm.saved')); } })
            }
          />
        )}
      </Drawer>
      <Modal open={open === 'move'} onCancel={close} footer={null} destroyOnHidden title={t('organisationForm.moveTitle', { name: o.name })}>
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
              { id: o.id, newParentId: v.newParentId ?? '', effectiveOn: v.effectiveOn, ...(v.note ? { note: v.note } : {}) },
              { onSuccess: () => { close(); void toast.success(t('organisationForm.moved')); } },
            )
          }
        />
      </Modal>
      <Modal open={open === 'dissolve'} onCancel={close} footer={null} destroyOnHidden title={t('organisationForm.dissolveTitle', { name: o.name })}>
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
              { onSuccess: () => { close(); void toast.success(t('organisationForm.dissolved')); } },
            )
          }
        />
      </Modal>
    </>
  );
};

type DatedProps = {
  testId: string;
  withParent?: boolean;
  danger?: boolean;
  submitting: boolean;
  error: unknown;
  hint: string;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (v: { effectiveOn: string; newParentId?: string | null; note?: string }) => void;
};

/** A dated change of the tree (move, dissolve): the date it takes effect, a note, and for a move the new parent. */
const DatedChange = ({ testId, withParent, danger, submitting, error, hint, submitLabel, onCancel, onSubmit }: DatedProps) => {
  const { t } = useTranslation();
  const { message, fieldMessages } = useErrorMessage();
  const fields = error ? fieldMessages(error) : {};
  const help = (name: string) => fields[name];
  return (
    <Form<DatedValues>
      layout="vertical"
      name={testId}
      data-testid={testId}
      initialValues={{ newParentId: null }}
      onFinish={(v) => onSubmit({ effectiveOn: v.effectiveOn?.format('YYYY-MM-DD') ?? todayIso(), newParentId: v.newParentId, note: v.note?.trim() || undefined })}
    >
      <Alert type={danger ? 'warning' : 'info'} showIcon title={hint} style={{ marginBottom: 16 }} />
      {Boolean(error) && !Object.keys(fields).some((f) => ['effectiveOn', 'newParentId', 'id', 'reason', 'note'].includes(f)) && (
        <Alert type="error" showIcon title={message(error)} style={{ marginBottom: 16 }} />
      )}
      {withParent && (
        <Form.Item name="newParentId" label={t('organisationForm.newParent')} rules={[{ required: true, message: t('organisationForm.pickParent') }]}
          validateStatus={help('newParentId') ? 'error' : undefined} help={help('newParentId')}>
          <OrganisationField placeholder={t('organisationForm.pickParent')} />
        </Form.Item>
      )}
      <Form.Item name="effectiveOn" label={t('organisationForm.effectiveOn')} rules={[{ required: true, message: t('organisationForm.required') }]}
        validateStatus={help('effectiveOn') ? 'error' : undefined} help={help('effectiveOn')}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('organisationForm.note')}
        validateStatus={help('id') || help('reason') ? 'error' : undefined} help={help('id') ?? help('reason')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <FormActions submitting={submitting} onCancel={onCancel} testId={`${testId}-submit`} submitLabel={submitLabel} danger={danger} />
    </Form>
  );
};
