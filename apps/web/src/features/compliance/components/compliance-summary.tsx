import '../locale';
import { Card, Col, Flex, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { MeetingKindTag } from '../../../components/meeting-tags';
import { figureTone, NONE_BEHIND, type FigureTone } from '../../../lib/domain';
import { useFormat } from '../../../lib/use-format';
import type { MeetingCompliance } from '../api/get-compliance';

// Colours by meaning (figureTone): red when cells are behind, green when none is; the rest in the text colour.
// Both pass WCAG AA on white (#a8071a 7.4:1, #237804 6.1:1).
const TONE_COLOUR: Record<FigureTone, string | undefined> = { behind: '#a8071a', met: '#237804', neutral: undefined };

/** Cells checked, behind (number and share), attendance, and the held meetings by kind. */
export const ComplianceSummary = ({ data }: { data: MeetingCompliance }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const none = t('common.none');
  const card = (key: string, title: string, value: string, tone: FigureTone = 'neutral') => (
    <Col xs={12} md={6} key={key}>
      <Card size="small" data-testid={`compliance-${key}`} data-tone={tone}>
        <Statistic title={title} value={value} styles={{ content: { color: TONE_COLOUR[tone] } }} />
      </Card>
    </Col>
  );
  return (
    <div data-testid="compliance-summary">
      <Row gutter={[12, 12]}>
        {card('cells', t('compliance.cellCount'), f.number(data.cellCount))}
        {card(
          'behind',
          t('compliance.behindCount'),
          f.number(data.behindCount),
          figureTone(data.behindCount, NONE_BEHIND),
        )}
        {card(
          'behindPercent',
          t('compliance.behindPercent'),
          data.behindPercent === null ? none : f.percent(data.behindPercent),
        )}
        {card(
          'attendance',
          t('compliance.attendance'),
          data.attendancePercent === null ? none : f.percent(data.attendancePercent),
        )}
      </Row>
      <Flex wrap gap={6} align="center" className="kind-counts">
        <span className="kind-counts__label">{t('compliance.countsByKind')}</span>
        {data.counts.length === 0 ? (
          <span>{t('compliance.noHeld')}</span>
        ) : (
          data.counts.map((c) => (
            <span key={c.kind}>
              <MeetingKindTag kind={c.kind} />
              <Tag>{f.number(c.count)}</Tag>
            </span>
          ))
        )}
      </Flex>
    </div>
  );
};
