import '../locale';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { paths, useAppHref } from '../../../lib/paths';
import { usePolicy } from '../../../lib/policy';
import { useLanguage } from '../../../lib/use-language';
import { useCellMembers } from '../api/get-cell-members';
import { useMeeting } from '../api/get-meeting';
import { useOrganisationInfo } from '../api/get-organisation-info';
import { MinutesDocument, ResolutionDocument } from '../components/print-documents';
import '../print.css';

type Doc = 'minutes' | 'resolution';

/** /meetings/:id/print(?doc=resolution): outside the app shell, so the page is only the A4 document. */
export const MeetingPrintRoute = () => {
  const { t, i18n } = useTranslation();
  const lng = useLanguage();
  const vi = useMemo(() => i18n.getFixedT('vi'), [i18n]);
  const navigate = useNavigate();
  const href = useAppHref();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const doc: Doc = params.get('doc') === 'resolution' ? 'resolution' : 'minutes';
  const { asOf } = useAsOf();
  const meeting = useMeeting(id, asOf);
  const m = meeting.data;
  const cell = useOrganisationInfo(m?.organisationId, m?.date ?? asOf);
  const members = useCellMembers(m?.organisationId, m?.date);
  const policy = usePolicy(m?.organisationId, m?.date ?? asOf);
  const memberMap = useMemo(() => new Map((members.data ?? []).map((x) => [x.id, x])), [members.data]);
  const ready = m && !cell.isLoading && !members.isLoading && policy.data;

  return (
    <div className="print-page">
      <title>
        {t('app.pageTitle', { page: doc === 'minutes' ? t('meetings.print.minutes') : t('meetings.print.resolution') })}
      </title>
      <Flex className="print-toolbar" wrap gap={8} align="center" justify="space-between">
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(href(paths.meeting(id)))}>
          {t('meetings.print.back')}
        </Button>
        <Segmented<Doc>
          value={doc}
          options={[
            { value: 'minutes', label: t('meetings.print.minutes') },
            { value: 'resolution', label: t('meetings.print.resolution') },
          ]}
          onChange={(v) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              if (v === 'resolution') next.set('doc', 'resolution');
              else next.delete('doc');
              return next;
            })
          }
        />
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          onClick={() => window.print()}
          disabled={!ready}
          data-testid="print-button"
        >
          {t('meetings.print.print')}
        </Button>
        {lng !== 'vi' && <Typography.Text type="secondary">{t('meetings.print.vietnameseOnly')}</Typography.Text>}
      </Flex>
      {meeting.isError ? (
        <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />
      ) : !ready ? (
        <div className="doc doc--loading">
          <Skeleton active paragraph={{ rows: 12 }} />
        </div>
      ) : doc === 'minutes' ? (
        <MinutesDocument
          t={vi}
          data={{ meeting: m, cell: cell.data ?? null, members: memberMap, sheet: policy.data.scoreSheet }}
        />
      ) : (
        <ResolutionDocument
          t={vi}
          data={{ meeting: m, cell: cell.data ?? null, members: memberMap, sheet: policy.data.scoreSheet }}
        />
      )}
    </div>
  );
};
