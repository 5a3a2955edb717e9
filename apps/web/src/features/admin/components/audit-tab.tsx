import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/ui/query-error';
import { useFormat } from '../../../lib/use-format';
import type { AdminAuditLogQuery, AuditFilter } from '../../../gql/graphql';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useAuditLog, useAuditVerification, useVerifyAuditLog } from '../api/admin';

type Entry = AdminAuditLogQuery['auditLog']['items'][number];
const PAGE = 50;

const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/** The last check of the audit log's hash chain (docs/audit.md), and a button to run one now (recorded, audited). */
const Verification = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();
  const last = useAuditVerification();
  const verify = useVerifyAuditLog();
  const v = last.data;
  return (
    <Card
      size="small"
      title={t('admin.audit.verification.title')}
      data-testid="audit-verification"
      extra={
        <Button
          size="small"
          icon={<SafetyCertificateOutlined aria-hidden />}
          loading={verify.isPending}
          data-testid="audit-verify"
          onClick={() =>
            verify.mutate(undefined, {
              onSuccess: () => void toast.success(t('admin.audit.verification.done')),
              onError: (e) => void toast.error(errorMessage(e)),
            })
          }
        >
          {t('admin.audit.verification.run')}
        </Button>
      }
    >
      {last.isError ? (
        <QueryError error={last.error} onRetry={() => void last.refetch()} />
      ) : !v ? (
        <Typography.Text type="secondary">{last.isLoading ? '…' : t('admin.audit.verification.never')}</Typography.Text>
      ) : (
        <Flex vertical gap={4}>
          <Flex gap={8} wrap align="center">
            <Tag color={v.ok ? 'green' : 'red'} data-testid="audit-verification-state">
              {t(v.ok ? 'admin.audit.verification.ok' : 'admin.audit.verification.broken')}
            </Tag>
            <Typography.Text>
              {t('admin.audit.verification.last', { date: f.dateTime(v.at), by: v.runBy })}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary">
            {t('admin.audit.verification.checked', {
              rows: f.number(v.rowsChecked),
              seals: f.number(v.sealsChecked),
              unsealed: f.number(v.unsealedRows),
            })}
          </Typography.Text>
          {v.lastDigest ? (
            <Typography.Text type="secondary">
              {t('admin.audit.verification.digest')}:{' '}
              <Typography.Text code copyable={{ text: v.lastDigest }}>
                {v.lastDigest.slice(0, 16)}…
              </Typography.Text>
            </Typography.Text>
          ) : null}
          {v.problem ? (
            <Alert type="error" showIcon title={t('admin.audit.verification.problem')} description={v.problem} />
          ) : null}
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('admin.audit.verification.intro')}
      </Typography.Paragraph>
    </Card>
  );
};

/** The audit log of every write, newest first: who, what, on which record; the states before and after on demand. */
export const AuditTab = ({ initialEntityId }: { initialEntityId?: string | null }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const [filter, setFilter] = useState<AuditFilter>(initialEntityId ? { entityId: initialEntityId } : {});
  const [page, setPage] = useState(1);
  const log = useAuditLog(filter, (page - 1) * PAGE, PAGE);
  const set = (patch: Partial<AuditFilter>) => {
    setPage(1);
    setFilter((prev) => {
      const next: AuditFilter = { ...prev, ...patch };
      for (const k of Object.keys(next) as (keyof AuditFilter)[]) if (!next[k]) delete next[k];
      return next;
    });
  };

  return (
    <div className="section-gap">
      <Verification />
      <Card size="small">
        <Form layout="vertical" component="div" role="search">
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label={t('admin.audit.operation')} htmlFor="audit-operation" style={{ marginBottom: 8 }}>
                <Input.Search
                  id="audit-operation"
                  allowClear
                  placeholder="createMember"
                  onSearch={(v) => set({ operation: v.trim() || null })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('admin.audit.entityType')} htmlFor="audit-entity-type" style={{ marginBottom: 8 }}>
                <Input.Search
                  id="audit-entity-type"
                  allowClear
                  placeholder="member"
                  onSearch={(v) => set({ entityType: v.trim() || null })}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label={t('admin.audit.entityId')} htmlFor="audit-entity-id" style={{ marginBottom: 8 }}>
                <Input.Search
                  id="audit-entity-id"
                  allowClear
                  defaultValue={initialEntityId ?? undefined}
                  onSearch={(v) => set({ entityId: v.trim() || null })}
                />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {log.isError ? (
        <QueryError error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <Typography.Text type="secondary" data-testid="audit-total">
            {t('admin.audit.total', { total: f.number(log.data?.total ?? 0) })}
          </Typography.Text>
          <Table<Entry>
            rowKey="id"
            size="small"
            loading={log.isFetching}
            dataSource={log.data?.items ?? []}
            data-testid="admin-audit"
            pagination={{
              current: page,
              pageSize: PAGE,
              total: log.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
            scroll={{ x: 900 }}
            expandable={{
              expandedRowRender: (e) => (
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Typography.Text strong>{t('admin.audit.before')}</Typography.Text>
                    <pre className="audit-json">{json(e.before)}</pre>
                  </Col>
                  <Col xs={24} md={12}>
                    <Typography.Text strong>{t('admin.audit.after')}</Typography.Text>
                    <pre className="audit-json">{json(e.after)}</pre>
                  </Col>
                </Row>
              ),
            }}
            columns={[
              { key: 'at', title: t('admin.audit.at'), render: (_, e) => f.dateTime(e.at) },
              {
                key: 'actor',
                title: t('admin.audit.actor'),
                render: (_, e) => (
                  <>
                    {e.actorName} <Tag>{t(`admin.audit.actorTypes.${e.actorType}`, { defaultValue: e.actorType })}</Tag>
                  </>
                ),
              },
              {
                key: 'operation',
                title: t('admin.audit.operation'),
                render: (_, e) => <Typography.Text code>{e.operation}</Typography.Text>,
              },
              {
                key: 'entity',
                title: t('admin.audit.entity'),
                render: (_, e) => (
                  <>
                    {e.entityType}{' '}
                    <Typography.Text type="secondary" copyable={e.entityId ? { text: e.entityId } : false}>
                      {e.entityId?.slice(0, 8)}
                    </Typography.Text>
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
};
