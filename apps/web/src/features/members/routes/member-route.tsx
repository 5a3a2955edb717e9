import { Breadcrumb, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { useMember } from '../api/get-member';
import { MemberDisciplines } from '../components/member-disciplines';
import { MemberEvents } from '../components/member-events';
import { MemberProfileSections } from '../components/member-profile-sections';
import { MemberStatusTag, ProbationTag } from '../components/member-tags';

export const MemberRoute = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { asOf } = useAsOf();
  const href = useAppHref();
  const query = useMember(id, asOf);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const m = query.data;

  return (
    <article className="section-gap" aria-labelledby="member-title" data-testid="member-page">
      <title>{t('app.pageTitle', { page: m.fullName })}</title>
      <Breadcrumb
        items={[
          { key: 'members', title: <Link to={href(paths.members)}>{t('members.title')}</Link> },
          ...(m.organisation
            ? [
                {
                  key: 'org',
                  title: (
                    <Link to={withParams(href(paths.members), { org: m.organisation.id })}>
                      {m.organisation.name}
                    </Link>
                  ),
                },
              ]
            : []),
          { key: 'me', title: m.fullName },
        ]}
      />
      <Flex wrap gap={8} align="center">
        <Typography.Title level={1} id="member-title" style={{ fontSize: 24, margin: 0 }}>
          {m.fullName}
        </Typography.Title>
        <MemberStatusTag status={m.status} />
        <ProbationTag state={m.probationState} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={15}>
          <MemberProfileSections member={m} />
        </Col>
        <Col xs={24} xxl={9}>
          <div className="section-gap">
            <MemberEvents events={m.events} />
            <MemberDisciplines disciplines={m.disciplines} />
          </div>
        </Col>
      </Row>
    </article>
  );
};
