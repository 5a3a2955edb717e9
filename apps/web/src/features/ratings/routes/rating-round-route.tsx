import { EditOutlined, FileExcelOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { OrganisationPicker } from '../../../components/organisation-picker';
import { QueryError } from '../../../components/ui/query-error';
import {
  RATING_LEVELS,
  RATING_STAGES,
  RATING_SUBJECT_KINDS,
  type RatingLevel,
  type RatingStage,
  type RatingSubjectKind,
} from '../../../lib/domain';
import { paths, useAppHref, withParams } from '../../../lib/paths';
import { todayIso } from '../../../lib/as-of';
import { useUrlParams } from '../../../lib/url-params';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useViewer } from '../../../lib/viewer';
import { useExportRound } from '../api/export-round';
import { useCanActFor } from '../api/get-bodies';
import { useRatingRound, useRatings, useRoundPending } from '../api/get-rounds';
import type { PendingSubject } from '../api/get-rounds';
import type { Rating } from '../api/fields';
import type { RatingFilterInput } from '../api/keys';
import { AnnounceButton } from '../components/announce-button';
import { BulkActions } from '../components/bulk-actions';
import { DecideDialog } from '../components/decide-dialog';
import { ProposeDialog } from '../components/propose-dialog';
import { LevelTag, RoundStateTag } from '../components/rating-tags';
import { useStageScoreColumns } from '../components/rating-columns';
import { RoundProgress } from '../components/round-progress';
import { SelfAssessmentDialog, type SelfAssessmentSubject } from '../components/self-assessment-dialog';
import { ratingReferenceDate } from '../utils/reference-date';
import { selectAllTitle } from '../../../components/ui/select-all-title';
import { useKeyboardScroll } from '../../../components/ui/keyboard-scroll';

const PAGE_SIZE = 50;

type Dialog = { kind: 'self' | 'propose' | 'decide'; rating: Rating | null; subject?: SelfAssessmentSubject } | null;

const pendingSubject = (x: PendingSubject): SelfAssessmentSubject =>
  x.memberId
    ? { kind: 'MEMBER', memberId: x.memberId, organisationId: x.parentOrganisationId, name: x.name }
    : { kind: 'ORGANISATION', organisationId: x.organisationId ?? x.parentOrganisationId ?? '', name: x.name };

const pick = <T extends string>(values: readonly T[], raw: string | null): T | undefined =>
  raw && (values as readonly string[]).includes(raw) ? (raw as T) : undefined;

// /ratings/rounds/:id?q&kind&stage&level&org&page: a round's ratings (q: the subject's name, ignoring diacritics and case) with the step each stands at, its score, the level
// the rules give, the proposal and the decision; the actions the viewer may take on each (by stage and by the body
// the viewer writes for). A member sees only their own rating (the API scopes the list). Below, the subjects not
// self-assessed yet (ratingRoundPending, same q), each with the action that opens the self-assessment form for it.
// "Xuất Excel" downloads both lists for the same filter, every page (GET /exports/rating-round.xlsx).
export const RatingRoundRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const stageScore = useStageScoreColumns();
  const href = useAppHref();
  const { id = '' } = useParams();
  const { params, update } = useUrlParams();
  const round = useRatingRound(id);
  const viewer = useViewer();
  const kind = pick<RatingSubjectKind>(RATING_SUBJECT_KINDS, params.get('kind'));
  const stage = pick<RatingStage>(RATING_STAGES, params.get('stage'));
  const level = pick<RatingLevel>(RATING_LEVELS, params.get('level'));
  const org = params.get('org');
  const q = params.get('q')?.trim() ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const filter: RatingFilterInput = {
    roundId: id,
    ...(kind ? { subjectKinds: [kind] } : {}),
    ...(stage ? { stages: [stage] } : {}),
    ...(level ? { levels: [level] } : {}),
    ...(org ? { organisationId: org } : {}),
    ...(q ? { search: q } : {}),
  };
  const ratings = useRatings(round.data ? filter : null, page, PAGE_SIZE);
  const refDate = ratingReferenceDate(round.data?.year ?? Number(new Date().getFullYear()));
  const items = ratings.data?.items ?? [];
  const [pendingPage, setPendingPage] = useState(1);
  const pending = useRoundPending(round.data ? id : null, q, pendingPage, PAGE_SIZE);
  const pendingItems = pending.data?.items ?? [];
  const canAct = useCanActFor(
    [
      round.data?.organisationId,
      ...items.flatMap((r) => [r.organisationId, r.proposerId, r.deciderId]),
      ...pendingItems.map((x) => x.organisationId ?? x.parentOrganisationId ?? ''),
    ],
    refDate,
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const exportRound = useExportRound();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();

  // before the early returns: a hook runs on every render
  const tableBox = useKeyboardScroll(t('ratings.round.tableLabel'));
  if (round.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (round.isError || !round.data) return <QueryError error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  const open = r.state === 'OPEN';
  const ownMemberGrant = viewer.data?.grants.find((g) => g.role === 'MEMBER' && g.memberId);
  const ownMemberIds = new Set(
    (viewer.data?.grants ?? []).filter((g) => g.role === 'MEMBER' && g.memberId).map((g) => g.memberId!),
  );
  const writer = Boolean(
    viewer.data?.isAdmin ||
    viewer.data?.grants.some((g) => g.role === 'COMMITTEE_WRITE' || g.role === 'CELL_SECRETARY'),
  );
  const canSelf = (x: Rating) => (x.memberId !== null && ownMemberIds.has(x.memberId)) || canAct(x.organisationId);
  const setFilter = (patch: Record<string, string | null>) => {
    setPendingPage(1);
    update({ ...patch, page: null });
  };
  const canSelfPending = (x: PendingSubject) =>
    (x.memberId !== null && ownMemberIds.has(x.memberId)) || canAct(x.organisationId ?? x.parentOrganisationId ?? '');
  const any = t('ratings.round.any');

  return (
    <article className="section-gap" aria-labelledby="round-title" data-testid="round-page">
      <title>{t('app.pageTitle', { page: r.title })}</title>
      <Breadcrumb
        items={[
          {
            key: 'rounds',
            title: (
              <Link to={withParams(href(paths.ratingRounds), { org: r.organisationId })}>
                {t('ratings.round.back')}
              </Link>
            ),
          },
          { key: 'me', title: r.title },
        ]}
      />
      <Flex wrap gap={12} align="flex-start" justify="space-between">
        <div>
          <Typography.Title level={1} id="round-title" style={{ fontSize: 24, margin: 0 }}>
            {r.title}
          </Typography.Title>
          <Flex wrap gap={4} align="center" style={{ marginTop: 4 }}>
            <RoundStateTag state={r.state} />
            <Typography.Text type="secondary">
              {t('ratings.rounds.deadlineLine', {
                self: f.date(r.selfAssessmentDue),
                proposal: f.date(r.proposalDue),
                decision: f.date(r.decisionDue),
              })}
            </Typography.Text>
          </Flex>
        </div>
        <Flex wrap gap={8}>
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            loading={exportRound.isPending}
            title={t('ratings.round.exportHint')}
            data-testid="round-export"
            onClick={() =>
              exportRound.mutate(
                { roundId: r.id, filter, fileName: t('ratings.round.fileName', { year: r.year, date: todayIso() }) },
                { onError: (e) => void toast.error(errorMessage(e)) },
              )
            }
          >
            {t('ratings.round.export')}
          </Button>
          {open && (writer || ownMemberGrant) && (
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setDialog({ kind: 'self', rating: null })}
              data-testid="new-self-assessment"
            >
              {t('ratings.round.newSelf')}
            </Button>
          )}
          {open && canAct(r.organisationId) && <AnnounceButton round={r} />}
        </Flex>
      </Flex>
      <Card size="small">
        <RoundProgress round={r} />
      </Card>
      {!open && <Alert type="info" showIcon title={t('ratings.round.closed')} />}
      {!writer && ownMemberGrant && <Alert type="info" showIcon title={t('ratings.round.memberOnly')} />}
      <Card
        size="small"
        title={<h2 className="card-title">{t('ratings.round.ratingsTitle')}</h2>}
        extra={
          ratings.data && (
            <span data-testid="ratings-total">{t('ratings.round.total', { n: f.number(ratings.data.total) })}</span>
          )
        }
      >
        <Form layout="vertical" component="div" role="search">
          <Row gutter={[12, 0]}>
            <Col xs={24} md={12}>
              <Form.Item label={t('ratings.round.search')} htmlFor="round-search" style={{ marginBottom: 8 }}>
                <Input.Search
                  key={q}
                  id="round-search"
                  defaultValue={q}
                  allowClear
                  placeholder={t('ratings.round.searchPlaceholder')}
                  onSearch={(v) => setFilter({ q: v.trim() || null })}
                  data-testid="round-search"
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={[12, 0]}>
            <Col xs={12} md={5}>
              <Form.Item label={t('ratings.round.kind')} htmlFor="round-kind" style={{ marginBottom: 8 }}>
                <Select
                  id="round-kind"
                  value={kind ?? ''}
                  options={[
                    { value: '', label: any },
                    ...RATING_SUBJECT_KINDS.map((k) => ({ value: k, label: t(`ratings.subjectKind.${k}`) })),
                  ]}
                  onChange={(v) => setFilter({ kind: v || null })}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item label={t('ratings.round.stage')} htmlFor="round-stage" style={{ marginBottom: 8 }}>
                <Select
                  id="round-stage"
                  value={stage ?? ''}
                  options={[
                    { value: '', label: any },
                    ...RATING_STAGES.filter((s) => s !== 'PENDING').map((s) => ({
                      value: s,
                      label: t(`ratings.stage.${s}`),
                    })),
                  ]}
                  onChange={(v) => setFilter({ stage: v || null })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item label={t('ratings.round.decidedLevel')} htmlFor="round-level" style={{ marginBottom: 8 }}>
                <Select
                  id="round-level"
                  value={level ?? ''}
                  options={[{ value: '', label: any }, ...RATING_LEVELS.map((l) => ({ value: l, label: l }))]}
                  onChange={(v) => setFilter({ level: v || null })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item label={t('ratings.round.organisation')} htmlFor="round-org" style={{ marginBottom: 8 }}>
                <OrganisationPicker
                  id="round-org"
                  asOf={refDate}
                  value={org}
                  allowClear
                  placeholder={any}
                  onChange={(v) => setFilter({ org: v })}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {ratings.isError ? (
          <QueryError error={ratings.error} onRetry={() => void ratings.refetch()} />
        ) : (
          <>
            {open && (
              <BulkActions
                selected={items.filter((x) => selectedIds.includes(x.id))}
                onDone={() => setSelectedIds([])}
              />
            )}
            <div ref={tableBox}>
              <Table<Rating>
                rowKey="id"
                size="middle"
                rowSelection={
                  open
                    ? {
                        selectedRowKeys: selectedIds,
                        columnTitle: selectAllTitle,
                        onChange: (keys) => setSelectedIds(keys.map(String)),
                        // only what this user may move on: self-assessed (to propose) or proposed (to decide)
                        getCheckboxProps: (x) => ({
                          disabled: !(
                            (x.stage === 'SELF_ASSESSED' && canAct(x.proposerId)) ||
                            (x.stage === 'PROPOSED' && canAct(x.deciderId))
                          ),
                          'aria-label': x.subjectName,
                        }),
                      }
                    : undefined
                }
                loading={ratings.isFetching}
                dataSource={items}
                scroll={{ x: 1150 }}
                locale={{ emptyText: t('ratings.round.empty') }}
                data-testid="ratings-table"
                // "ready" once the rows shown are the answer for the current filter and page (not the previous answer
                // kept on screen while the new one loads); browser tests wait for it
                data-state={ratings.isFetching || ratings.isPlaceholderData ? 'loading' : 'ready'}
                onRow={(x) =>
                  ({
                    'data-testid': 'rating-row',
                    'data-rating-id': x.id,
                    'data-stage': x.stage,
                    'data-kind': x.subjectKind,
                  }) as HTMLAttributes<HTMLElement>
                }
                pagination={{
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: ratings.data?.total ?? 0,
                  showSizeChanger: false,
                  hideOnSinglePage: true,
                  onChange: (p) => update({ page: p === 1 ? null : String(p) }),
                }}
                columns={[
                  {
                    key: 'subject',
                    title: t('ratings.round.subject'),
                    width: 280,
                    render: (_, x) => (
                      <div>
                        {x.memberId ? (
                          <Link to={href(paths.member(x.memberId))}>{x.subjectName}</Link>
                        ) : (
                          <Link to={href(paths.organisation(x.subjectOrganisationId ?? x.organisationId))}>
                            {x.subjectName}
                          </Link>
                        )}
                        <div>
                          <Typography.Text type="secondary">
                            {t(`ratings.subjectKind.${x.subjectKind}`)}
                            {x.memberId ? ` · ${x.organisationName}` : ''}
                          </Typography.Text>
                        </div>
                      </div>
                    ),
                  },
                  ...stageScore,
                  {
                    key: 'computed',
                    title: t('ratings.round.computed'),
                    render: (_, x) =>
                      x.computedLevel ? (
                        <Flex gap={4} align="center">
                          <LevelTag level={x.computedLevel} />
                          {x.blockReasons.length > 0 && (
                            <Tooltip
                              title={t('ratings.round.capped', {
                                reasons: x.blockReasons
                                  .map((c) => t(`ratings.capReason.${c as 'MEMBER_MIX'}`, { defaultValue: c }))
                                  .join('; '),
                              })}
                            >
                              <Typography.Text type="warning" style={{ cursor: 'help' }}>
                                ⚠
                              </Typography.Text>
                            </Tooltip>
                          )}
                        </Flex>
                      ) : (
                        t('common.none')
                      ),
                  },
                  {
                    key: 'proposed',
                    title: t('ratings.round.proposed'),
                    render: (_, x) =>
                      x.proposedLevel ? <LevelTag level={x.proposedLevel} testId="proposed-level" /> : t('common.none'),
                  },
                  {
                    key: 'decided',
                    title: t('ratings.round.decided'),
                    render: (_, x) =>
                      x.decidedLevel ? (
                        <div>
                          <LevelTag level={x.decidedLevel} testId="decided-level" />
                          {x.decisionReason && (
                            <div>
                              <Typography.Text type="secondary">
                                {t('ratings.round.decisionReason', { reason: x.decisionReason })}
                              </Typography.Text>
                            </div>
                          )}
                          {x.quotaOverrideReason && (
                            <div>
                              <Typography.Text type="warning">
                                {t('ratings.round.quotaOverride', { reason: x.quotaOverrideReason })}
                              </Typography.Text>
                            </div>
                          )}
                        </div>
                      ) : (
                        t('common.none')
                      ),
                  },
                  {
                    key: 'actions',
                    title: t('ratings.round.actions'),
                    fixed: 'right',
                    width: 190,
                    render: (_, x) =>
                      !open ? null : (
                        <Flex gap={4}>
                          {x.stage === 'SELF_ASSESSED' && canSelf(x) && (
                            <Tooltip title={t('ratings.round.reviseSelf')}>
                              <Button
                                size="small"
                                icon={<EditOutlined aria-hidden />}
                                aria-label={t('ratings.round.reviseSelf')}
                                onClick={() => setDialog({ kind: 'self', rating: x })}
                                data-testid="rating-self"
                              />
                            </Tooltip>
                          )}
                          {(x.stage === 'SELF_ASSESSED' || x.stage === 'PROPOSED') && canAct(x.proposerId) && (
                            <Button
                              size="small"
                              type={x.stage === 'SELF_ASSESSED' ? 'primary' : 'default'}
                              icon={<FormOutlined aria-hidden />}
                              onClick={() => setDialog({ kind: 'propose', rating: x })}
                              data-testid="rating-propose"
                            >
                              {t('ratings.round.propose')}
                            </Button>
                          )}
                          {(x.stage === 'PROPOSED' || x.stage === 'DECIDED') && canAct(x.deciderId) && (
                            <Button
                              size="small"
                              type={x.stage === 'PROPOSED' ? 'primary' : 'default'}
                              onClick={() => setDialog({ kind: 'decide', rating: x })}
                              data-testid="rating-decide"
                            >
                              {t('ratings.round.decide')}
                            </Button>
                          )}
                        </Flex>
                      ),
                  },
                ]}
              />
            </div>
          </>
        )}
      </Card>
      <Card
        size="small"
        title={
          <h2 className="card-title">{t('ratings.round.pendingTitle', { n: f.number(pending.data?.total ?? 0) })}</h2>
        }
        data-testid="round-pending"
      >
        {pending.isError ? (
          <QueryError error={pending.error} onRetry={() => void pending.refetch()} />
        ) : (
          <Table<PendingSubject>
            rowKey={(x) => x.memberId ?? x.organisationId ?? x.name}
            size="middle"
            loading={pending.isFetching}
            dataSource={pendingItems}
            locale={{ emptyText: t('ratings.round.pendingEmpty') }}
            data-testid="pending-table"
            onRow={(x) =>
              ({
                'data-testid': 'pending-row',
                'data-member-id': x.memberId ?? undefined,
                'data-organisation-id': x.organisationId ?? undefined,
              }) as HTMLAttributes<HTMLElement>
            }
            pagination={{
              current: pendingPage,
              pageSize: PAGE_SIZE,
              total: pending.data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: setPendingPage,
            }}
            columns={[
              {
                key: 'subject',
                title: t('ratings.round.subject'),
                render: (_, x) =>
                  x.memberId ? (
                    <Link to={href(paths.member(x.memberId))}>{x.name}</Link>
                  ) : (
                    <Link to={href(paths.organisation(x.organisationId ?? x.parentOrganisationId ?? ''))}>
                      {x.name}
                    </Link>
                  ),
              },
              {
                key: 'kind',
                title: t('ratings.round.kind'),
                render: (_, x) => t(`ratings.subjectKind.${x.subjectKind}`),
              },
              {
                key: 'organisation',
                title: t('ratings.round.pendingOrganisation'),
                render: (_, x) => x.organisationName || t('common.none'),
              },
              {
                key: 'actions',
                title: t('ratings.round.actions'),
                width: 200,
                render: (_, x) =>
                  open && canSelfPending(x) ? (
                    <Button
                      size="small"
                      icon={<PlusOutlined aria-hidden />}
                      onClick={() => setDialog({ kind: 'self', rating: null, subject: pendingSubject(x) })}
                      data-testid="pending-self"
                    >
                      {t('ratings.round.pendingSelf')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {dialog?.kind === 'self' && (
        <SelfAssessmentDialog
          round={r}
          rating={dialog.rating}
          presetSubject={dialog.subject ?? null}
          ownMember={
            !writer && ownMemberGrant
              ? { id: ownMemberGrant.memberId!, organisationId: null, name: viewer.data?.displayName ?? '' }
              : null
          }
          open
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'propose' && dialog.rating && (
        <ProposeDialog rating={dialog.rating} open onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'decide' && dialog.rating && (
        <DecideDialog rating={dialog.rating} open onClose={() => setDialog(null)} />
      )}
    </article>
  );
};
