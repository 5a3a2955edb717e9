import { Empty, Timeline, Typography } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { OrganisationLink } from '../../../components/organisation-link';
import { useDynamicLabel } from '../../../lib/use-dynamic-label';
import type { OrganisationChange } from '../api/get-organisation';

const COLORS: Record<string, string> = { CREATED: 'green', DISSOLVED: 'red', MERGED_INTO: 'red', MOVED: 'blue' };

export const OrganisationHistory = ({ changes }: { changes: OrganisationChange[] }) => {
  const { t } = useTranslation();
  const label = useDynamicLabel();
  const line = (key: 'fromParent' | 'toParent' | 'related', id: string, asOf: string) => (
    <div>
      <Trans i18nKey={`organisation.history.${key}`} components={{ org: <OrganisationLink id={id} asOf={asOf} /> }} />
    </div>
  );
  const sorted = [...changes].sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));

  return (
    <section aria-labelledby="history-title" data-testid="organisation-history">
      <h2 id="history-title" className="section-title">
        {t('organisation.history.title')}
      </h2>
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('organisation.history.empty')} />
      ) : (
        <Timeline
          titleSpan="96px"
          items={sorted.map((c) => ({
            key: c.id,
            color: COLORS[c.type] ?? 'gray',
            title: formatDate(c.effectiveOn),
            content: (
              <div>
                <strong>{label('organisation.history.types', c.type, 'organisation.history.unknownType')}</strong>
                {c.fromParentId && line('fromParent', c.fromParentId, c.effectiveOn)}
                {c.toParentId && line('toParent', c.toParentId, c.effectiveOn)}
                {c.relatedId && line('related', c.relatedId, c.effectiveOn)}
                {c.note && (
                  <div>
                    <Typography.Text type="secondary">{c.note}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </section>
  );
};
