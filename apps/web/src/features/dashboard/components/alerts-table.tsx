import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useFormat } from '../../../lib/use-format';
import type { AlertItem } from '../api/get-alerts';
import { alertTarget } from '../utils/alert-target';
import { SeverityTag } from './severity-tag';

type Props = {
  items: AlertItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number) => void;
};

/** One page of alerts: severity, the rule and its message, the organisation, the deadline, the record to fix. */
export const AlertsTable = ({ items, total, page, pageSize, loading, onPage }: Props) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  return (
    <Table<AlertItem>
      rowKey={(a, i) =>
        `${a.code}:${a.organisation.id}:${a.memberId ?? ''}:${a.meetingId ?? ''}:${a.visitId ?? ''}:${i ?? 0}`
      }
      size="middle"
      dataSource={items}
      loading={loading}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('alerts.empty') }}
      data-testid="alerts-table"
      pagination={{ current: page, pageSize, total, showSizeChanger: false, hideOnSinglePage: true, onChange: onPage }}
      columns={[
        {
          key: 'severity',
          title: t('alerts.columns.severity'),
          width: 110,
          render: (_, a) => <SeverityTag severity={a.severity} />,
        },
        {
          key: 'alert',
          title: t('alerts.columns.alert'),
          render: (_, a) => (
            <div>
              <strong>{t(`alerts.code.${a.code}`)}</strong>
              <div data-testid="alert-message">{f.lng === 'vi' ? a.message : a.messageEn}</div>
            </div>
          ),
        },
        {
          key: 'organisation',
          title: t('alerts.columns.organisation'),
          render: (_, a) => <Link to={href(paths.organisation(a.organisation.id))}>{a.organisation.name}</Link>,
        },
        {
          key: 'due',
          title: t('alerts.columns.dueOn'),
          width: 110,
          render: (_, a) => (a.dueOn ? <span className="nowrap">{f.date(a.dueOn)}</span> : t('common.none')),
        },
        {
          key: 'open',
          title: t('alerts.columns.open'),
          render: (_, a) => {
            const target = alertTarget(a);
            return (
              <Link to={href(target.path)} data-testid="alert-link" data-kind={target.kind}>
                {t(`alerts.open.${target.kind}`)}
              </Link>
            );
          },
        },
      ]}
    />
  );
};
