import { Card, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useCreateOrganisation } from '../../features/organisations/api/organisation-mutations';
import { OrganisationForm } from '../../features/organisations/components/organisation-form';
import type { CreateOrganisationInput } from '../../gql/graphql';
import { withFeedback } from '../../lib/feedback';
import { paths } from '../../lib/paths';
import { useViewer } from '../../lib/viewer';

/**
 * What a signed-in user sees while their scope holds no organisation (a new install, or an account without grants):
 * an administrator creates the root committee here (or imports the tree and members with the CLI), then adds users
 * and grants; anyone else is told whom to ask. Every page shows this instead of waiting for figures that cannot come.
 */
export const FirstRun = () => {
  const { t } = useTranslation();
  const viewer = useViewer();
  const create = useCreateOrganisation();
  const navigate = useNavigate();
  const [formKey, setFormKey] = useState(0);

  if (!viewer.data) return null;
  if (!viewer.data.isAdmin) {
    return (
      <Result
        status="info"
        title={t('firstRun.noScopeTitle')}
        subTitle={t('firstRun.noScope')}
        data-testid="first-run-no-scope"
      />
    );
  }
  return (
    <div className="section-gap" data-testid="first-run">
      <title>{t('app.pageTitle', { page: t('firstRun.title') })}</title>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('firstRun.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('firstRun.intro')}</Typography.Paragraph>
      <Steps
        direction="vertical"
        current={0}
        items={[
          { title: t('firstRun.step1'), description: t('firstRun.step1Hint') },
          {
            title: t('firstRun.step2'),
            description: (
              <span>
                {t('firstRun.step2Hint')}{' '}
                <Link to={paths.import} data-testid="first-run-import">
                  {t('nav.import')}
                </Link>
              </span>
            ),
          },
          {
            title: t('firstRun.step3'),
            description: (
              <span>
                {t('firstRun.step3Hint')}{' '}
                <Typography.Text code>node apps/api/dist/cli/main.js create-user …</Typography.Text>
              </span>
            ),
          },
        ]}
      />
      <Card title={t('firstRun.rootTitle')} size="small">
        <OrganisationForm
          key={formKey}
          parent={null}
          submitting={create.isPending}
          error={create.error}
          onCancel={() => {
            create.reset();
            setFormKey((k) => k + 1);
          }}
          onSubmit={(input) =>
            create.mutate(input as CreateOrganisationInput, {
              onSuccess: (created) => {
                withFeedback(
                  ({ message }) => void message.success(t('organisationForm.created', { name: created.name })),
                );
                void navigate(paths.organisation(created.id));
              },
            })
          }
        />
      </Card>
    </div>
  );
};
