import { Card, Descriptions, Tag, Tooltip, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { paths, useAppHref } from '../../../lib/paths';
import { useDynamicLabel } from '../../../lib/use-dynamic-label';
import type { MemberDetail } from '../api/get-member';
import { MemberStatusTag, ProbationTag, usePartyAgeText } from './member-tags';

type Item = NonNullable<DescriptionsProps['items']>[number];

const Section = ({ id, title, items, extra }: { id: string; title: string; items: Item[]; extra?: ReactNode }) => (
  <Card
    size="small"
    title={
      <h2 id={id} className="card-title">
        {title}
      </h2>
    }
    extra={extra}
  >
    <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} aria-labelledby={id} />
  </Card>
);

export const MemberProfileSections = ({ member: m }: { member: MemberDetail }) => {
  const { t } = useTranslation();
  const href = useAppHref();
  const partyAge = usePartyAgeText();
  const label = useDynamicLabel();
  const none = t('common.none');
  const text = (v: string | null | undefined) => (v && v.trim() ? v : none);
  const date = (v: string | null | undefined) => (v ? <span className="nowrap">{formatDate(v)}</span> : none);
  const row = (key: string, label: string, children: ReactNode): Item => ({ key, label, children });

  return (
    <div className="section-gap">
      <Section
        id="member-derived"
        title={t('member.sections.derived')}
        items={[
          row(
            'partyAge',
            t('member.fields.partyAge'),
            <Tooltip title={t('member.partyAgeHint')}>
              <strong data-testid="party-age">{partyAge(m.partyAge)}</strong>
            </Tooltip>,
          ),
          row(
            'probation',
            t('member.fields.probationState'),
            m.probationState === 'NONE' ? t('member.probationState.NONE') : <ProbationTag state={m.probationState} />,
          ),
          // probation dates matter only while the member is on probation (or awaiting recognition)
          ...(m.probationState !== 'NONE' && m.probationEnd
            ? [row('probationEnd', t('member.fields.probationEnd'), date(m.probationEnd))]
            : []),
          ...(m.probationState !== 'NONE' && m.recognitionDeadline
            ? [row('recognitionDeadline', t('member.fields.recognitionDeadline'), date(m.recognitionDeadline))]
            : []),
          row(
            'nextBadge',
            t('member.fields.nextBadge'),
            m.nextBadge ? (
              <span data-testid="next-badge">
                <Tag color="gold">{t('member.badge.name', { milestone: m.nextBadge.milestone })}</Tag>
                {t('member.badge.awardOn', { date: formatDate(m.nextBadge.awardOn) })}
                <Typography.Text type="secondary">
                  {' · '}
                  {t('member.badge.reachedOn', { date: formatDate(m.nextBadge.reachedOn) })}
                </Typography.Text>
              </span>
            ) : (
              t('member.badge.none')
            ),
          ),
        ]}
      />
      <Section
        id="member-personal"
        title={t('member.sections.personal')}
        items={[
          row('fullName', t('member.fields.fullName'), m.fullName),
          row('birthDate', t('member.fields.birthDate'), date(m.birthDate)),
          row('gender', t('member.fields.gender'), m.gender ? t(`member.gender.${m.gender}`) : none),
          row('ethnicity', t('member.fields.ethnicity'), text(m.ethnicity)),
          row('religion', t('member.fields.religion'), text(m.religion)),
          row('homeTown', t('member.fields.homeTown'), text(m.homeTown)),
          row('residence', t('member.fields.residence'), text(m.residence)),
          row('nationalId', t('member.fields.nationalId'), text(m.nationalId)),
        ]}
      />
      <Section
        id="member-party"
        title={t('member.sections.party')}
        items={[
          row('admissionDecisionDate', t('member.fields.admissionDecisionDate'), date(m.admissionDecisionDate)),
          row('ceremonyDate', t('member.fields.ceremonyDate'), date(m.ceremonyDate)),
          row('fullMembershipDate', t('member.fields.fullMembershipDate'), date(m.fullMembershipDate)),
          row('cardNumber', t('member.fields.cardNumber'), text(m.cardNumber)),
          row('fileNumber', t('member.fields.fileNumber'), text(m.fileNumber)),
          row('introducers', t('member.fields.introducers'), m.introducers.length ? m.introducers.join('; ') : none),
          row(
            'organisation',
            t('member.fields.organisation'),
            m.organisation ? <Link to={href(paths.organisation(m.organisation.id))}>{m.organisation.name}</Link> : none,
          ),
          row('status', t('member.fields.status'), <MemberStatusTag status={m.status} />),
          row(
            'exemption',
            t('member.fields.exemption'),
            m.exemption ? label('member.exemptionKinds', m.exemption, 'common.otherCode') : t('common.no'),
          ),
          row(
            'temporarilyAway',
            t('member.fields.temporarilyAway'),
            m.temporarilyAway ? t('common.yes') : t('common.no'),
          ),
          ...(m.leftOn ? [row('leftOn', t('member.fields.leftOn'), date(m.leftOn))] : []),
        ]}
      />
      <Section
        id="member-education"
        title={t('member.sections.education')}
        items={[
          row('educationGeneral', t('member.fields.educationGeneral'), text(m.educationGeneral)),
          row('educationProfessional', t('member.fields.educationProfessional'), text(m.educationProfessional)),
          row('politicalTheory', t('member.fields.politicalTheory'), text(m.politicalTheory)),
        ]}
      />
      <Section
        id="member-work"
        title={t('member.sections.work')}
        items={[row('job', t('member.fields.job'), text(m.job)), row('post', t('member.fields.post'), text(m.post))]}
      />
    </div>
  );
};
