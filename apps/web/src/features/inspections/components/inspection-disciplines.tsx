import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDynamicLabel } from '../../../lib/use-dynamic-label';
import { useFormat } from '../../../lib/use-format';
import type { Discipline, SubjectDetail } from '../api/fields';

/** The discipline decisions taken on the conclusion (they are also on each member's record). */
export const InspectionDisciplines = ({
  disciplines,
  subjects,
}: {
  disciplines: Discipline[];
  subjects: SubjectDetail[];
}) => {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useDynamicLabel();
  const names = new Map(subjects.map((s) => [s.memberId, s.member?.fullName ?? t('inspections.detail.unknownMember')]));
  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('inspections.detail.disciplines')}</h2>}
      data-testid="inspection-disciplines"
    >
      {/* scrolled sideways here, not by antd's `scroll`: a region that scrolls must take the keyboard's focus (WCAG 2.1.1) */}
      <div className="keyboard-scroll" tabIndex={0} role="region" aria-label={t('inspections.detail.disciplines')}>
        <Table<Discipline>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={disciplines}
          locale={{ emptyText: t('inspections.detail.noDisciplines') }}
          columns={[
            {
              key: 'member',
              title: t('inspections.detail.member'),
              render: (_, d) => (d.memberId ? names.get(d.memberId) : t('common.none')),
            },
            {
              key: 'form',
              title: t('member.disciplines.form'),
              render: (_, d) => label('member.disciplines.forms', d.form, 'common.otherCode'),
            },
            {
              key: 'body',
              title: t('member.disciplines.decidingBody'),
              render: (_, d) => label('member.disciplines.bodies', d.decidingBody, 'common.otherCode'),
            },
            { key: 'date', title: t('member.disciplines.decidedOn'), render: (_, d) => f.date(d.decidedOn) },
          ]}
        />
      </div>
    </Card>
  );
};
