import { Card, Progress, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/query-error';
import { useFormat } from '../../../lib/use-format';
import { useAdmissionProgress } from '../api/get-figures';

/** Admissions of the year in the organisation's subtree against the policy's target (DOMAIN.md §9). */
export const AdmissionCard = ({ organisationId, year }: { organisationId: string; year: number }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useAdmissionProgress(organisationId, year);
  const a = q.data;
  return (
    <Card size="small" title={<h2 className="card-title">{t('ratings.admission.title', { year })}</h2>} data-testid="admission-card">
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !a ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <div className="section-gap">
          <div>
            <span className="admission__figure" data-testid="admission-figure">
              {t('ratings.admission.admitted')}: <strong>{f.number(a.admitted)}</strong> / {t('ratings.admission.target')}: <strong>{f.number(a.target)}</strong>
            </span>{' '}
            {a.met ? <Tag color="success">{t('ratings.admission.met')}</Tag> : <Tag color="warning">{t('ratings.admission.remaining', { n: f.number(a.remaining) })}</Tag>}
          </div>
          <Progress percent={Math.min(100, a.percent ?? 0)} format={() => (a.percent === null ? t('common.none') : f.percent(a.percent))} status={a.met ? 'success' : 'active'} />
          <Typography.Text type="secondary">
            {a.targetKind === 'percentOfTermStart'
              ? t('ratings.admission.targetPercent', { percent: f.number(a.targetPercent ?? 0), members: f.number(a.membersAtTermStart), date: f.date(a.termStart) })
              : t('ratings.admission.targetAbsolute', { n: f.number(a.target) })}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
};
