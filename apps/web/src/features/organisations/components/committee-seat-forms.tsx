import { Alert, DatePicker, Form, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { FormActions } from '../../../components/ui/form-actions';
import { graphql } from '../../../gql';
import type { AssignCommitteeSeatInput, CommitteeRole } from '../../../gql/graphql';
import { todayIso } from '../../../lib/as-of';
import { committeeRolesFor, type OrganisationKind } from '../../../lib/domain';
import type { WriteFormProps } from '../../../lib/form-values';
import { request } from '../../../lib/graphql-client';
import { useServerFieldErrors } from '../../../lib/use-server-field-errors';

const SEAT_MEMBERS = graphql(`
  query SeatCandidates($organisationId: ID!, $search: String) {
    members(filter: { organisationId: $organisationId, search: $search }, page: { limit: 20 }) { items { id fullName organisation { name } } }
  }
`);

const ASSIGN_FIELDS = new Set(['memberId', 'role', 'from', 'to']);

/** A required day of a seat or a visit assignment: the first, or the one it ends on. */
export const RequiredDateItem = ({ name, label, extra }: { name: 'from' | 'to'; label: string; extra?: string }) => {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[{ required: true, message: t('organisationForm.required') }]}
    >
      <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
    </Form.Item>
  );
};

/** Seats a member of the organisation's subtree on its committee: the member, a role its kind allows, the first day. */
export const AssignSeatForm = ({
  organisationId,
  kind,
  submitting,
  error,
  onSubmit,
  onCancel,
}: { organisationId: string; kind: OrganisationKind } & WriteFormProps<AssignCommitteeSeatInput>) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ memberId?: string; role?: CommitteeRole; from?: Dayjs | null }>();
  const [search, setSearch] = useState('');
  const candidates = useQuery({
    queryKey: ['organisations', 'seatCandidates', { organisationId, search }],
    queryFn: ({ signal }) =>
      request(SEAT_MEMBERS, { organisationId, search: search.trim() || null }, { signal }).then((d) => d.members.items),
  });
  const general = useServerFieldErrors(form, error, ASSIGN_FIELDS);
  const isCellKind = kind === 'GRASSROOTS_CELL' || kind === 'SUBORDINATE_CELL';
  return (
    <Form
      form={form}
      name="seat"
      layout="vertical"
      data-testid="seat-assign-form"
      onFinish={(v) =>
        onSubmit({
          organisationId,
          memberId: v.memberId ?? '',
          role: v.role as CommitteeRole,
          from: v.from?.format('YYYY-MM-DD') ?? todayIso(),
        })
      }
    >
      {general && <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="memberId"
        label={t('organisation.committee.member')}
        rules={[{ required: true, message: t('organisationForm.required') }]}
      >
        <Select
          // the server searches (folded, as every list): its answer is shown as it is
          showSearch={{ filterOption: false, onSearch: setSearch }}
          loading={candidates.isFetching}
          placeholder={t('organisationForm.seatMemberPlaceholder')}
          options={(candidates.data ?? []).map((m) => ({
            value: m.id,
            label: `${m.fullName}${m.organisation ? ` — ${m.organisation.name}` : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('organisation.committee.role')}
        rules={[{ required: true, message: t('organisationForm.required') }]}
      >
        <Select
          options={committeeRolesFor(kind).map((r) => ({
            value: r,
            label:
              r === 'COMMITTEE_MEMBER' && isCellKind
                ? t('organisation.committee.cellCommitteeMember')
                : t(`organisation.committee.roles.${r}`),
          }))}
        />
      </Form.Item>
      <RequiredDateItem name="from" label={t('organisation.committee.from')} />
      <FormActions
        submitting={submitting}
        onCancel={onCancel}
        testId="seat-assign-submit"
        submitLabel={t('organisationForm.assignSeat')}
      />
    </Form>
  );
};

const END_FIELDS = new Set(['to', 'seatId']);

type EndTexts = { label: string; hint: string; submit: string };

/**
 * Ends a seat (or, with other texts, a visit assignment): the day it ends (exclusive: the member no longer holds it
 * from that day). `fields`: the API's fields shown beside the date or above the form.
 */
export const EndSeatForm = ({
  submitting,
  error,
  onSubmit,
  onCancel,
  texts,
  testId = 'seat-end',
  formName = 'seatEnd',
  fields = END_FIELDS,
}: WriteFormProps<string> & { texts?: EndTexts; testId?: string; formName?: string; fields?: ReadonlySet<string> }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ to?: Dayjs | null }>();
  const general = useServerFieldErrors(form, error, fields);
  const text = texts ?? {
    label: t('organisationForm.seatEndsOn'),
    hint: t('organisationForm.seatEndsHint'),
    submit: t('organisationForm.endSeat'),
  };
  return (
    <Form
      form={form}
      name={formName}
      layout="vertical"
      data-testid={`${testId}-form`}
      onFinish={(v) => onSubmit(v.to?.format('YYYY-MM-DD') ?? todayIso())}
    >
      {general && (
        <Alert type="error" showIcon title={general} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />
      )}
      <RequiredDateItem name="to" label={text.label} extra={text.hint} />
      <FormActions
        submitting={submitting}
        onCancel={onCancel}
        testId={`${testId}-submit`}
        submitLabel={text.submit}
        danger
      />
    </Form>
  );
};
