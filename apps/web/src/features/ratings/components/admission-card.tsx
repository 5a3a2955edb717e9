import { Button, Card, Modal, Progress, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AdmissionsList } from '../../../components/admissions-list';
import { QueryError } from '../../../components/ui/query-error';
import { useUrlParams } from '../../../lib/url-params';
import { useFormat } from '../../../lib/use-format';
import { useAdmissionProgress } from '../api/get-figures';

// ?list=admissions opens the list behind the admitted number (kept in the URL like the figures' lists).
const LIST = 'admissions';

/** Admissions of the year in the organisation's subtree against the policy's target (docs/rules.md#r-admission-target), and their list. */
export const AdmissionCard = ({ organisationId, year }: { organisationId: string; year: number }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { params, update } = useUrlParams();
  const q = useAdmissionProgress(organisationId, year);
  const a = q.data;
  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('ratings.admission.title', { year })}</h2>}
      data-testid="admission-card"
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !a ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <div className="section-gap">
          <div>
            <span className="admission__figure" data-testid="admission-figure">
              {t('ratings.admission.admitted')}:{' '}
              <Button
                type="link"
                style={{ padding: 0, height: 'auto' }}
                aria-label={t('ratings.admission.open', { n: f.number(a.admitted) })}
                title={t('ratings.admission.open', { n: f.number(a.admitted) })}
                onClick={() => update({ list: LIST, listYear: null })}
                data-testid="admission-admitted"
              >
                <strong>{f.number(a.admitted)}</strong>
              </Button>{' '}
              / {t('ratings.admission.target')}: <strong>{f.number(a.target)}</strong>
            </span>{' '}
            {a.met ? (
              <Tag color="success">{t('ratings.admission.met')}</Tag>
            ) : (
              <Tag color="warning">{t('ratings.admission.remaining', { n: f.number(a.remaining) })}</Tag>
            )}
          </div>
          <Progress
            percent={Math.min(100, a.percent ?? 0)}
            aria-label={t('ratings.admission.progressLabel')}
            format={() => (a.percent === null ? t('common.none') : f.percent(a.percent))}
            status={a.met ? 'success' : 'active'}
          />
          <Typography.Text type="secondary">
            {a.targetKind === 'percentOfTermStart'
              ? t('ratings.admission.targetPercent', {
                  percent: f.number(a.targetPercent ?? 0),
                  members: f.number(a.membersAtTermStart),
                  date: f.date(a.termStart),
                })
              : t('ratings.admission.targetAbsolute', { n: f.number(a.target) })}
          </Typography.Text>
        </div>
      )}
      <Modal
        open={Boolean(a) && params.get('list') === LIST && a!.from <= a!.to}
        title={t('admissionList.title', { year })}
        footer={null}
        width={880}
        destroyOnHidden
        onCancel={() => update({ list: null })}
      >
        {a && <AdmissionsList params={{ organisationId, from: a.from, to: a.to, asOf: a.to }} />}
      </Modal>
    </Card>
  );
};
