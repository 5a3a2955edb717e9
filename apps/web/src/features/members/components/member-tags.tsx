import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartyAge } from '../api/get-member';
import type { MemberStatus, ProbationState } from '../../../lib/domain';

const STATUS_COLORS: Record<MemberStatus, string> = {
  FULL: 'green',
  PROBATIONARY: 'blue',
  TRANSFERRED_OUT: 'default',
  REMOVED: 'volcano',
  EXPELLED: 'red',
  DECEASED: 'default',
};

export const MemberStatusTag = ({ status }: { status: MemberStatus }) => {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`member.status.${status}`)}</Tag>;
};

const PROBATION_COLORS: Record<Exclude<ProbationState, 'NONE'>, string> = {
  IN_PROBATION: 'blue',
  DUE: 'orange',
  OVERDUE: 'red',
};

/** Nothing for NONE; "đến hạn" (due) orange, "quá hạn" (overdue) red. */
export const ProbationTag = ({ state }: { state: ProbationState }) => {
  const { t } = useTranslation();
  if (state === 'NONE') return null;
  return (
    <Tag color={PROBATION_COLORS[state]} data-testid={`probation-${state}`}>
      {t(`member.probationState.${state}`)}
    </Tag>
  );
};

export const usePartyAgeText = () => {
  const { t } = useTranslation();
  return (age: PartyAge | null | undefined, short = false): string => {
    if (!age) return t('common.none');
    const years = t('member.yearCount', { count: age.years });
    if (short || age.months === 0) return years;
    return t('member.partyAgeValue', { years, months: t('member.monthCount', { count: age.months }) });
  };
};
