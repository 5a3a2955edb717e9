import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingKind, MeetingState, ScoreLevel } from '../lib/domain';

// Tags shared by the meeting calendar, the meeting page and the visitor's screens.

const KIND_COLORS: Record<MeetingKind, string> = {
  REGULAR: 'blue',
  THEMATIC: 'purple',
  COMBINED: 'geekblue',
  IDEOLOGICAL: 'cyan',
  EXTRAORDINARY: 'orange',
  CONGRESS: 'red',
};

const STATE_COLORS: Record<MeetingState, string> = {
  PLANNED: 'default',
  HELD: 'green',
  CLOSED: 'success',
  CANCELLED: 'error',
};

const LEVEL_COLORS: Record<ScoreLevel, string> = {
  EXCELLENT: 'green',
  GOOD: 'blue',
  AVERAGE: 'orange',
  WEAK: 'red',
};

export const MeetingKindTag = ({ kind }: { kind: MeetingKind }) => {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind] ?? 'default'}>{t(`meeting.kind.${kind}`)}</Tag>;
};

export const MeetingStateTag = ({ state }: { state: MeetingState }) => {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="meeting-state">
      {t(`meeting.state.${state}`)}
    </Tag>
  );
};

export const ScoreLevelTag = ({ level }: { level: string | null | undefined }) => {
  const { t, i18n } = useTranslation();
  if (!level) return null;
  const known = i18n.exists(`meeting.scoreLevel.${level}`);
  return (
    <Tag color={LEVEL_COLORS[level as ScoreLevel] ?? 'default'} data-testid="score-level">
      {known ? t(`meeting.scoreLevel.${level as ScoreLevel}`) : level}
    </Tag>
  );
};
