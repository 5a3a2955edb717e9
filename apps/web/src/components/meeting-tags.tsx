import { useTranslation } from 'react-i18next';
import type { MeetingKind, MeetingState, ScoreLevel } from '../lib/domain';
import { LightTag, type TagColor } from './ui/light';

// Tags shared by the meeting calendar, the meeting page and the visitor's screens (and the dashboard: light tags,
// without antd's code).

const KIND_COLORS: Record<MeetingKind, TagColor> = {
  REGULAR: 'blue',
  THEMATIC: 'purple',
  COMBINED: 'geekblue',
  IDEOLOGICAL: 'cyan',
  EXTRAORDINARY: 'orange',
  CONGRESS: 'red',
};

const STATE_COLORS: Record<MeetingState, TagColor> = {
  PLANNED: 'default',
  HELD: 'green',
  CLOSED: 'success',
  CANCELLED: 'error',
};

const LEVEL_COLORS: Record<ScoreLevel, TagColor> = {
  EXCELLENT: 'green',
  GOOD: 'blue',
  AVERAGE: 'orange',
  WEAK: 'red',
};

export const MeetingKindTag = ({ kind }: { kind: MeetingKind }) => {
  const { t } = useTranslation();
  return <LightTag color={KIND_COLORS[kind] ?? 'default'}>{t(`meeting.kind.${kind}`)}</LightTag>;
};

export const MeetingStateTag = ({ state }: { state: MeetingState }) => {
  const { t } = useTranslation();
  return (
    <LightTag color={STATE_COLORS[state] ?? 'default'} testId="meeting-state">
      {t(`meeting.state.${state}`)}
    </LightTag>
  );
};

export const ScoreLevelTag = ({ level }: { level: string | null | undefined }) => {
  const { t, i18n } = useTranslation();
  if (!level) return null;
  const known = i18n.exists(`meeting.scoreLevel.${level}`);
  return (
    <LightTag color={LEVEL_COLORS[level as ScoreLevel] ?? 'default'} testId="score-level">
      {known ? t(`meeting.scoreLevel.${level as ScoreLevel}`) : level}
    </LightTag>
  );
};
