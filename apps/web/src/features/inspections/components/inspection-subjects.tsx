import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths, useAppHref } from '../../../lib/paths';
import { useDynamicLabel } from '../../../lib/use-dynamic-label';
import { useFormat } from '../../../lib/use-format';
import type { SubjectDetail } from '../api/fields';

/** Each member inspected: the self-report, strengths, shortcomings, violations, conclusion and any discipline. */
export const InspectionSubjects = ({ subjects }: { subjects: SubjectDetail[] }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const href = useAppHref();
  const label = useDynamicLabel();
  const none = t('common.none');
  const text = (v: string | null) => (v ? <span className="pre-line">{v}</span> : none);
  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('inspections.detail.subjects', { count: subjects.length })}</h2>}
      data-testid="inspection-subjects"
    >
      <div className="section-gap">
        {subjects.map((s) => (
          <section
            key={s.memberId}
            className="subject-block"
            aria-label={s.member?.fullName ?? t('inspections.detail.unknownMember')}
            data-testid="inspection-subject"
          >
            <Flex wrap gap={8} align="center" style={{ marginBottom: 8 }}>
              <Typography.Text strong>
                {s.member ? (
                  <Link to={href(paths.member(s.member.id))}>{s.member.fullName}</Link>
                ) : (
                  t('inspections.detail.unknownMember')
                )}
              </Typography.Text>
              {s.member && <Tag>{t(`member.status.${s.member.status}`)}</Tag>}
              {s.discipline && (
                <Tag color="red" data-testid="subject-discipline">
                  {t('inspections.detail.disciplineTag', {
                    form: label('member.disciplines.forms', s.discipline.form, 'common.otherCode'),
                    date: f.date(s.discipline.decidedOn),
                  })}
                </Tag>
              )}
            </Flex>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'self', label: t('inspections.fields.selfReport'), children: text(s.selfReport) },
                { key: 'strengths', label: t('inspections.fields.strengths'), children: text(s.strengths) },
                { key: 'shortcomings', label: t('inspections.fields.shortcomings'), children: text(s.shortcomings) },
                { key: 'violations', label: t('inspections.fields.violations'), children: text(s.violations) },
                { key: 'conclusion', label: t('inspections.fields.subjectConclusion'), children: text(s.conclusion) },
              ]}
            />
          </section>
        ))}
      </div>
    </Card>
  );
};
