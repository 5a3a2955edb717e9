import '../locale';
import { ClearOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganisationPicker } from '../../../components/organisation-picker';
import {
  MEMBER_STATUSES,
  PROBATION_STATES,
  type IsoDate,
  type MemberStatus,
  type ProbationState,
} from '../../../lib/domain';
import { foldedSearch } from '../../../lib/folded-search';

export type MemberFilterValues = {
  search: string;
  statuses: MemberStatus[];
  organisationId: string | null;
  probation: ProbationState[];
};

type Props = {
  values: MemberFilterValues;
  asOf: IsoDate;
  searching: boolean;
  onChange: (patch: Partial<MemberFilterValues>) => void;
  onReset: () => void;
  /** More tools beside the reset button (the saved filters). */
  actions?: ReactNode;
};

export const MemberFilters = ({ values, asOf, searching, onChange, onReset, actions }: Props) => {
  const { t } = useTranslation();
  // the search box is edited locally and applied on Enter / button; the URL holds the applied value
  const [draft, setDraft] = useState(values.search);
  const [applied, setApplied] = useState(values.search);
  if (applied !== values.search) {
    setApplied(values.search);
    setDraft(values.search);
  }

  const hasFilters =
    values.search !== '' || values.statuses.length > 0 || values.organisationId !== null || values.probation.length > 0;

  return (
    <Form layout="vertical" component="div" aria-label={t('members.filters')} role="search">
      <Row gutter={[12, 0]}>
        <Col xs={24} lg={10}>
          <Form.Item label={t('members.search')} htmlFor="member-search">
            <Input.Search
              id="member-search"
              name="search"
              value={draft}
              allowClear
              placeholder={t('members.searchPlaceholder')}
              enterButton={t('members.searchButton')}
              loading={searching}
              onChange={(e) => setDraft(e.target.value)}
              onSearch={(v) => onChange({ search: v.trim() })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={7}>
          <Form.Item label={t('members.organisation')} htmlFor="member-org">
            <OrganisationPicker
              key={asOf} // the tree of another date is another tree
              id="member-org"
              asOf={asOf}
              value={values.organisationId}
              onChange={(organisationId) => onChange({ organisationId })}
              allowClear
              placeholder={t('members.organisationPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={7}>
          <Form.Item label={t('members.status')} htmlFor="member-status">
            <Select<MemberStatus[]>
              id="member-status"
              mode="multiple"
              showSearch={foldedSearch}
              allowClear
              value={values.statuses}
              placeholder={t('members.statusPlaceholder')}
              options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`member.status.${s}`) }))}
              onChange={(statuses) => onChange({ statuses })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={10}>
          <Form.Item label={t('members.probation')} htmlFor="member-probation">
            <Select<ProbationState[]>
              id="member-probation"
              mode="multiple"
              showSearch={foldedSearch}
              allowClear
              value={values.probation}
              placeholder={t('members.probationPlaceholder')}
              options={PROBATION_STATES.map((s) => ({ value: s, label: t(`member.probationState.${s}`) }))}
              onChange={(probation) => onChange({ probation })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={14} style={{ display: 'flex', alignItems: 'flex-end' }}>
          <Form.Item>
            <Flex gap={8} wrap>
              <Button icon={<ClearOutlined aria-hidden />} disabled={!hasFilters} onClick={onReset}>
                {t('members.resetFilters')}
              </Button>
              {actions}
            </Flex>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
};
