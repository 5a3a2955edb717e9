import { Alert, Flex, Form, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isDomainError, scoreMeeting, scoreSheetMax, type MeetingScore, type ScoreSheet } from '../lib/domain';
import { useFormat } from '../lib/use-format';
import { useLanguage } from '../lib/use-language';
import { ScoreLevelTag } from './meeting-tags';
import { DecimalInput } from './ui/decimal-input';

export type ScoreValues = Record<string, number | null>;

export type ScoreEvaluation = {
  /** Total, maximum and level when every criterion has a valid score. */
  result: MeetingScore | null;
  /** Problems per criterion code, already translated. */
  errors: Record<string, string>;
  /** Nothing entered at all (the score is optional). */
  empty: boolean;
};

/** The values as the API expects them: only the criteria that have a number. */
export const scoresPayload = (values: ScoreValues): Record<string, number> =>
  Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => typeof e[1] === 'number'));

/** A score object from the API (JSON) as form values for `sheet`. */
export const scoreValuesFrom = (sheet: ScoreSheet, raw: unknown): ScoreValues => {
  const src = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return Object.fromEntries(
    sheet.criteria.map((c) => [c.code, typeof src[c.code] === 'number' ? (src[c.code] as number) : null]),
  );
};

// TFunction, not ReturnType<typeof useTranslation>['t']: the latter is too deep for tsc once the locale grows (TS2589)
type T = TFunction;

// scoreMeeting's reasons are English sentences for developers; the screen says the same in the UI language.
const reasonText = (t: T, reason: string, maxPoints: number): string => {
  if (reason === 'is required') return t('score.required');
  if (reason.startsWith('must be at most')) return t('score.tooHigh', { max: maxPoints });
  if (reason === 'must be a whole number of points') return t('score.whole');
  if (reason === 'must not be negative') return t('score.negative');
  return t('score.invalid');
};

/**
 * Scores `values` on `sheet` with the same rule the API applies (`scoreMeeting` from libs/domain): the
 * total and level when the sheet is complete and valid, otherwise the problems per criterion.
 */
export const evaluateScores = (t: T, sheet: ScoreSheet, values: ScoreValues): ScoreEvaluation => {
  const payload = scoresPayload(values);
  if (Object.keys(payload).length === 0) return { result: null, errors: {}, empty: true };
  try {
    return { result: scoreMeeting(sheet, payload), errors: {}, empty: false };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const listed = (error.details?.errors as { field: string; reason: string }[] | undefined) ?? [];
    const errors: Record<string, string> = {};
    for (const e of listed) {
      const code = e.field.replace(/^scores\./, '');
      const max = sheet.criteria.find((c) => c.code === code)?.maxPoints ?? 0;
      errors[code] ??= reasonText(t, e.reason, max);
    }
    return { result: null, errors, empty: false };
  }
};

type Props = {
  sheet: ScoreSheet;
  values: ScoreValues;
  onChange: (code: string, value: number | null) => void;
  evaluation: ScoreEvaluation;
  /** Errors the server returned, by criterion code (shown until the field changes). */
  serverErrors?: Record<string, string>;
  disabled?: boolean;
  idPrefix: string;
  /** Show "required" problems only after the user tried to save. */
  showRequired?: boolean;
};

/** Number inputs per criterion of a score sheet, with the live total and level. */
export const ScoreSheetFields = ({
  sheet,
  values,
  onChange,
  evaluation,
  serverErrors = {},
  disabled,
  idPrefix,
  showRequired,
}: Props) => {
  const { t } = useTranslation();
  const lng = useLanguage();
  const f = useFormat();
  const max = scoreSheetMax(sheet);
  const entered = Object.values(values).filter((v) => typeof v === 'number').length;
  const runningTotal = Object.values(values).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);

  return (
    <div className="score-sheet" data-testid={`${idPrefix}-sheet`}>
      {sheet.criteria.map((c) => {
        const id = `${idPrefix}-${c.code}`;
        const local = evaluation.errors[c.code];
        const shownLocal = local && (showRequired || values[c.code] !== null) ? local : undefined;
        const message = serverErrors[c.code] ?? shownLocal;
        return (
          <Form.Item
            key={c.code}
            label={c.label[lng] || c.label.vi}
            htmlFor={id}
            validateStatus={message ? 'error' : undefined}
            help={message}
            className="score-sheet__row"
          >
            <DecimalInput
              id={id}
              min={0}
              value={values[c.code]}
              disabled={disabled}
              suffix={t('score.outOf', { max: f.number(c.maxPoints) })}
              style={{ width: 160 }}
              onChange={(v) => onChange(c.code, v)}
              data-testid={`score-input-${c.code}`}
            />
          </Form.Item>
        );
      })}
      <Flex
        wrap
        gap={8}
        align="center"
        className="score-sheet__total"
        role="status"
        aria-live="polite"
        data-testid={`${idPrefix}-total`}
      >
        {evaluation.result ? (
          <>
            <Typography.Text strong>
              {t('score.total', { total: f.number(evaluation.result.total), max: f.number(evaluation.result.max) })}
            </Typography.Text>
            <span>{t('score.level')}</span>
            <ScoreLevelTag level={evaluation.result.level} />
          </>
        ) : (
          <Typography.Text type="secondary">
            {evaluation.empty
              ? t('score.notScored', { max: f.number(max) })
              : t('score.partial', {
                  entered: f.number(entered),
                  criteria: sheet.criteria.length,
                  total: f.number(runningTotal),
                  max: f.number(max),
                })}
          </Typography.Text>
        )}
      </Flex>
    </div>
  );
};

export const DefaultSheetNotice = () => {
  const { t } = useTranslation();
  return <Alert type="info" showIcon title={t('score.defaultSheet')} />;
};
