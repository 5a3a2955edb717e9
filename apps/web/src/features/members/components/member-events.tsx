import { Card, Empty, Timeline, Typography } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { OrganisationLink } from '../../../components/organisation-link';
import { formatDate } from '../../../lib/format';
import { useDynamicLabel } from '../../../lib/use-dynamic-label';
import type { MemberEvent } from '../api/get-member';

const COLORS: Record<string, string> = {
  ADMITTED: 'green',
  RECOGNISED_FULL: 'green',
  NOT_RECOGNISED: 'red',
  DISCIPLINED: 'red',
  EXPELLED: 'red',
  REMOVED: 'red',
  DECEASED: 'gray',
};

// reason is a code for some types (discipline form, xóa tên reason, exemption kind), free text otherwise
const REASON_CODES: Record<string, string> = {
  DISCIPLINED: 'member.disciplines.forms',
  REMOVED: 'member.removalReasons',
  EXEMPTED: 'member.exemptionKinds',
};

export const MemberEvents = ({ events }: { events: MemberEvent[] }) => {
  const { t, i18n } = useTranslation();
  const label = useDynamicLabel();

  const reasonLine = (e: MemberEvent): string | null => {
    if (!e.reason) return null;
    const prefix = REASON_CODES[e.type];
    const text =
      prefix && i18n.exists(`${prefix}.${e.reason}`) ? label(prefix, e.reason, 'common.otherCode') : e.reason;
    return e.type === 'DISCIPLINED' ? t('member.events.form', { text }) : t('member.events.reason', { text });
  };

  const orgLine = (key: 'organisation' | 'fromOrganisation' | 'toOrganisation', id: string, on: string) => (
    <div>
      <Trans i18nKey={`member.events.${key}`} components={{ org: <OrganisationLink id={id} asOf={on} /> }} />
    </div>
  );

  // transfers name a source and a target cell; other events happened in one cell (for an admission
  // the API records it as the target)
  const orgLines = (e: MemberEvent) => {
    const isMove = /^(TEMPORARY_)?TRANSFER_/.test(e.type) && e.type !== 'TEMPORARY_TRANSFER_END';
    if (isMove) {
      return (
        <>
          {e.organisationId && orgLine('fromOrganisation', e.organisationId, e.effectiveOn)}
          {e.toOrganisationId && orgLine('toOrganisation', e.toOrganisationId, e.effectiveOn)}
        </>
      );
    }
    const at = e.organisationId ?? e.toOrganisationId;
    return at ? orgLine('organisation', at, e.effectiveOn) : null;
  };

  return (
    <Card size="small" title={<h2 className="card-title">{t('member.sections.events')}</h2>}>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.events.empty')} />
      ) : (
        <Timeline
          titleSpan="96px"
          data-testid="member-events"
          items={events.map((e) => ({
            key: e.id,
            color: COLORS[e.type] ?? 'blue',
            title: formatDate(e.effectiveOn),
            content: (
              <div>
                <strong>{label('member.events.types', e.type, 'member.events.unknownType')}</strong>
                {orgLines(e)}
                {e.externalOrganisation && (
                  <div>{t('member.events.externalOrganisation', { name: e.externalOrganisation })}</div>
                )}
                {e.endOn && <div>{t('member.events.endOn', { date: formatDate(e.endOn) })}</div>}
                {reasonLine(e) && <div>{reasonLine(e)}</div>}
                {e.note && (
                  <div>
                    <Typography.Text type="secondary">{t('member.events.note', { text: e.note })}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
};
