import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useDynamicLabel } from '../../../lib/use-dynamic-label';
import type { Discipline } from '../api/get-member';

export const MemberDisciplines = ({ disciplines }: { disciplines: Discipline[] }) => {
  const { t } = useTranslation();
  const label = useDynamicLabel();
  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('member.sections.disciplines')}</h2>}
      data-testid="member-disciplines"
    >
      <Table<Discipline>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={disciplines}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('member.disciplines.empty') }}
        columns={[
          {
            key: 'form',
            title: t('member.disciplines.form'),
            render: (_, d) => label('member.disciplines.forms', d.form, 'common.otherCode'),
          },
          { key: 'decidedOn', title: t('member.disciplines.decidedOn'), render: (_, d) => formatDate(d.decidedOn) },
          {
            key: 'decidingBody',
            title: t('member.disciplines.decidingBody'),
            render: (_, d) => label('member.disciplines.bodies', d.decidingBody, 'common.otherCode'),
          },
          { key: 'reason', title: t('member.disciplines.reason'), render: (_, d) => d.reason || t('common.none') },
        ]}
      />
    </Card>
  );
};
