import '../locale';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { attendanceRate, isDomainError, percent, scoreMeeting, type ScoreSheet } from '../../../lib/domain';
import { formatDate, formatNumber, formatPercent } from '../../../lib/format';
import type { CellMember } from '../api/get-cell-members';
import type { MeetingDetail } from '../api/fields';
import type { OrganisationInfo } from '../api/get-organisation-info';
import { weekdayOf } from '../utils/meeting-format';

// The printed minutes (biên bản) and resolution (nghị quyết) in the usual layout of a cell's documents:
// party committee and cell top left with "*" and the number line, "ĐẢNG CỘNG SẢN VIỆT NAM" underlined top
// right with the place and date, the centred title, the body, and the signatures. Official documents are
// Vietnamese whatever the UI language, so `t` here is fixed to Vietnamese by the caller.

export type PrintData = {
  meeting: MeetingDetail;
  cell: OrganisationInfo | null;
  members: Map<string, CellMember>;
  sheet: ScoreSheet;
};

type T = TFunction<'translation'>;

const DOTS = '……………………';
const upper = (s: string) => s.toLocaleUpperCase('vi-VN');

/** "ĐẢNG BỘ SỞ TÀI CHÍNH": the parent's name upper-cased, with "Đảng bộ" added when its name lacks it. */
const committeeLine = (t: T, cell: OrganisationInfo | null): string => {
  const name = cell?.parent?.name;
  if (!name) return `${t('print.committeePrefix')} ${DOTS}`;
  return /^(đảng bộ|đảng ủy|đảng uỷ)/i.test(name) ? upper(name) : `${t('print.committeePrefix')} ${upper(name)}`;
};

const cellLine = (t: T, cell: OrganisationInfo | null, fallback: string | null): string => {
  const name = cell?.name ?? fallback;
  if (!name) return `${t('print.cellPrefix')} ${DOTS}`;
  return /^chi bộ/i.test(name) ? upper(name) : `${t('print.cellPrefix')} ${upper(name)}`;
};

const pad = (n: string) => n.padStart(2, '0');
const longDate = (t: T, iso: string) =>
  t('print.longDate', { day: pad(iso.slice(8, 10)), month: pad(iso.slice(5, 7)), year: iso.slice(0, 4) });
const clock = (t: T, hhmm: string | null) =>
  hhmm ? t('print.clock', { hours: hhmm.slice(0, 2), minutes: hhmm.slice(3, 5) }) : DOTS;
const month = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const subtitle = (t: T, m: MeetingDetail) =>
  m.kind === 'CONGRESS'
    ? m.title
    : t('print.subtitle', { kind: t(`print.kindPhrase.${m.kind}`), month: month(m.date) });

const DocHeader = ({
  t,
  data,
  numberKey,
}: {
  t: T;
  data: PrintData;
  numberKey: 'print.minutesNumber' | 'print.resolutionNumber';
}) => {
  const { meeting: m, cell } = data;
  return (
    <header className="doc-header">
      <div className="doc-header__left">
        <div>{committeeLine(t, cell)}</div>
        <div className="doc-strong">{cellLine(t, cell, m.organisation?.name ?? null)}</div>
        <div className="doc-star">*</div>
        <div className="doc-number">{t(numberKey)}</div>
      </div>
      <div className="doc-header__right">
        <div className="doc-strong doc-underline">{t('print.party')}</div>
        <div className="doc-italic doc-dateline">
          {t('print.placeDate', { place: m.place || DOTS, date: longDate(t, m.date) })}
        </div>
      </div>
    </header>
  );
};

const Signature = ({ t, role, name }: { t: T; role: string; name: string | null }) => (
  <div className="doc-sign">
    <div className="doc-strong">{role}</div>
    <div className="doc-italic doc-small">{t('print.signHint')}</div>
    <div className="doc-sign__space" />
    <div className="doc-strong">{name ?? ''}</div>
  </div>
);

const names = (data: PrintData, ids: string[], withReason = false) =>
  ids
    .map((id) => {
      const a = data.meeting.attendance.find((x) => x.memberId === id);
      const n = data.members.get(id)?.fullName ?? '…';
      return withReason && a?.reason ? `${n} (${a.reason})` : n;
    })
    .join(', ');

const Para = ({ children }: { children: ReactNode }) => <p className="doc-p">{children}</p>;

const tasksBlock = (t: T, data: PrintData) =>
  data.meeting.tasks.length > 0 && (
    <ol className="doc-list">
      {data.meeting.tasks.map((task, i) => (
        <li key={i}>
          {task.text}
          {task.assigneeMemberId &&
            `. ${t('print.taskAssignee', { name: data.members.get(task.assigneeMemberId)?.fullName ?? '…' })}`}
          {task.dueOn && `; ${t('print.taskDue', { date: formatDate(task.dueOn) })}`}.
        </li>
      ))}
    </ol>
  );

const voteLine = (t: T, m: MeetingDetail, present: number) => {
  if (m.votesFor === null && m.votesAgainst === null && m.votesAbstain === null) return t('print.votesMissing');
  const forVotes = m.votesFor ?? 0;
  return t('print.votes', {
    for: formatNumber(forVotes, 'vi'),
    present: formatNumber(present, 'vi'),
    percent: formatPercent(percent(forVotes, present, 2), 'vi'),
    against: formatNumber(m.votesAgainst ?? 0, 'vi'),
    abstain: formatNumber(m.votesAbstain ?? 0, 'vi'),
  });
};

const selfScore = (t: T, data: PrintData): string | null => {
  const s = data.meeting.selfAssessment;
  if (!s || Object.keys(s).length === 0) return null;
  try {
    // JSON in the schema: the score map the API validated on save; scoreMeeting checks every value again
    const r = scoreMeeting(data.sheet, s as Record<string, number>);
    return t('print.selfScore', {
      total: formatNumber(r.total, 'vi'),
      max: formatNumber(r.max, 'vi'),
      level: t(`meeting.scoreLevel.${r.level}`),
    });
  } catch (error) {
    if (isDomainError(error) && data.meeting.selfTotal !== null)
      return t('print.selfScoreTotal', { total: formatNumber(data.meeting.selfTotal, 'vi') });
    return null;
  }
};

// One indented paragraph per line of the text typed in the form.
const multiline = (text: string | null) => {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return <Para>{DOTS}</Para>;
  return lines.map((line, i) => <Para key={i}>{line}</Para>);
};

/** Biên bản sinh hoạt chi bộ. */
export const MinutesDocument = ({ t, data }: { t: T; data: PrintData }) => {
  const m = data.meeting;
  const rate = attendanceRate(m.attendance);
  const by = (s: string) => m.attendance.filter((a) => a.status === s).map((a) => a.memberId);
  const excused = by('ABSENT_EXCUSED');
  const unexcused = by('ABSENT_UNEXCUSED');
  const exempt = by('EXEMPT');
  const listed = m.attendance.map((a) => data.members.get(a.memberId)).filter((x): x is CellMember => Boolean(x));
  const probationary = listed.filter((x) => x.status === 'PROBATIONARY').length;
  const chair = m.chairMemberId ? (data.members.get(m.chairMemberId)?.fullName ?? null) : null;
  const taker = m.minuteTakerMemberId ? (data.members.get(m.minuteTakerMemberId)?.fullName ?? null) : null;
  const n = (v: number) => formatNumber(v, 'vi');
  const score = selfScore(t, data);

  return (
    <article className="doc" data-testid="print-minutes-doc" lang="vi">
      <DocHeader t={t} data={data} numberKey="print.minutesNumber" />
      <h1 className="doc-title">{t('print.minutesTitle')}</h1>
      <div className="doc-subtitle">{subtitle(t, m)}</div>
      <div className="doc-rule" />

      <Para>
        {t('print.startedAt', {
          time: clock(t, m.actualStart ?? m.startTime),
          weekday: weekdayOf(m.date, 'vi'),
          date: longDate(t, m.date),
        })}
      </Para>
      <Para>{t('print.place', { place: m.place || DOTS })}</Para>
      <Para>{t('print.chair', { name: chair ?? DOTS })}</Para>
      <Para>{t('print.minuteTaker', { name: taker ?? DOTS })}</Para>
      {m.guests && <Para>{t('print.guests', { guests: m.guests })}</Para>}

      <h2 className="doc-h2">{t('print.attendanceHeading')}</h2>
      <Para>
        {t('print.totalMembers', {
          total: n(m.attendance.length),
          full: n(m.attendance.length - probationary),
          probationary: n(probationary),
        })}
      </Para>
      {exempt.length > 0 && <Para>{t('print.exempt', { number: n(exempt.length), names: names(data, exempt) })}</Para>}
      <Para>
        {t('print.present', {
          present: n(rate.present),
          expected: n(rate.expected),
          percent: formatPercent(rate.percent, 'vi'),
        })}
      </Para>
      <Para>
        {excused.length > 0
          ? t('print.excused', { number: n(excused.length), names: names(data, excused, true) })
          : t('print.excusedNone')}
      </Para>
      <Para>
        {unexcused.length > 0
          ? t('print.unexcused', { number: n(unexcused.length), names: names(data, unexcused) })
          : t('print.unexcusedNone')}
      </Para>

      <h2 className="doc-h2">{t('print.contentHeading')}</h2>
      {m.theme && <Para>{t('print.theme', { theme: m.theme })}</Para>}
      {m.topics.length > 0 && (
        <ol className="doc-list">
          {m.topics.map((topic, i) => (
            <li key={i}>{topic}</li>
          ))}
        </ol>
      )}
      {multiline(m.minutes)}

      <h2 className="doc-h2">{t('print.resolutionHeading')}</h2>
      {multiline(m.resolution)}
      <Para>{voteLine(t, m, rate.present)}</Para>

      {m.tasks.length > 0 && (
        <>
          <h2 className="doc-h2">{t('print.tasksHeading')}</h2>
          {tasksBlock(t, data)}
        </>
      )}
      {score && <Para>{score}</Para>}

      <Para>{t('print.endedAt', { time: clock(t, m.actualEnd ?? m.endTime) })}</Para>
      <Para>{t('print.adopted')}</Para>

      <div className="doc-signatures">
        <Signature t={t} role={t('print.secretarySign')} name={taker} />
        <Signature t={t} role={t('print.chairSign')} name={chair} />
      </div>
    </article>
  );
};

/** Nghị quyết chi bộ. */
export const ResolutionDocument = ({ t, data }: { t: T; data: PrintData }) => {
  const m = data.meeting;
  const rate = attendanceRate(m.attendance);
  const secretarySeat = data.cell?.committee.find((s) => s.role === 'SECRETARY');
  const signer =
    secretarySeat?.member?.fullName ?? (m.chairMemberId ? (data.members.get(m.chairMemberId)?.fullName ?? null) : null);

  return (
    <article className="doc" data-testid="print-resolution-doc" lang="vi">
      <DocHeader t={t} data={data} numberKey="print.resolutionNumber" />
      <h1 className="doc-title">{t('print.resolutionTitle')}</h1>
      <div className="doc-subtitle">{subtitle(t, m)}</div>
      <div className="doc-rule" />

      <Para>{t('print.basisCharter')}</Para>
      <Para>{t('print.basisMeeting', { date: formatDate(m.date) })}</Para>
      <div className="doc-decides">{t('print.decides')}</div>
      {multiline(m.resolution)}
      {m.tasks.length > 0 && (
        <>
          <h2 className="doc-h2">{t('print.tasksHeading')}</h2>
          {tasksBlock(t, data)}
        </>
      )}
      <Para>{voteLine(t, m, rate.present)}</Para>

      <div className="doc-signatures">
        <div className="doc-recipients">
          <div className="doc-strong doc-italic doc-underline-none">{t('print.recipients')}</div>
          <div className="doc-small">{t('print.recipientHigher')}</div>
          <div className="doc-small">{t('print.recipientMembers')}</div>
          <div className="doc-small">{t('print.recipientArchive')}</div>
        </div>
        <div className="doc-sign">
          <div className="doc-strong">{t('print.onBehalf')}</div>
          <div className="doc-strong">{t('print.secretaryTitle')}</div>
          <div className="doc-italic doc-small">{t('print.signHint')}</div>
          <div className="doc-sign__space" />
          <div className="doc-strong">{signer ?? ''}</div>
        </div>
      </div>
    </article>
  );
};
