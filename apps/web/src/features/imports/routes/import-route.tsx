import '../locale';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Radio, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiErrorRow } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useViewer, writesSomewhere } from '../../../lib/viewer';
import { useUrlParams, isOneOf } from '../../../lib/url-params';
import { fileToBase64, useImportDuesPayments, useImportMembers, useImportOrganisations } from '../api/import-file';
import { DuesImportSummary, useDuesProblemText } from '../components/dues-import-result';

const KINDS = ['members', 'organisations', 'dues'] as const;
type Kind = (typeof KINDS)[number];
type Channel = 'PORTAL' | 'CASH';
const MAX_BYTES = 8 * 1024 * 1024;

const COLUMNS: Record<Kind, string> = {
  members:
    'ma_to_chuc, ho_ten, ngay_sinh, gioi_tinh, so_dinh_danh, ngay_quyet_dinh_ket_nap, ngay_vao_dang, ngay_chinh_thuc, …',
  organisations: 'ma, ten, loai, ma_cap_tren, ngay_thanh_lap, nhiem_ky_tu, nhiem_ky_den, …',
  dues: 'so_dinh_danh, thang, so_tien, ngay_nop, hinh_thuc, ma_giao_dich, ghi_chu (ho_ten, so_the_dang)',
};

/**
 * /import(?kind=dues): organisations, members or dues payments from a CSV or XLSX file, all rows or none (or the valid
 * rows only). The refused rows are listed with their row number, column and reason, as the API gives them (for dues,
 * in Vietnamese from each problem's code); nothing is written then. A dues file is checked first by a dry run, which
 * lists what would be written.
 */
export const ImportRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const viewer = useViewer();
  const { params } = useUrlParams();
  const asked = params.get('kind') ?? '';
  const [kind, setKind] = useState<Kind>(isOneOf(KINDS, asked) ? asked : 'members');
  const [channel, setChannel] = useState<Channel>('PORTAL');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [tooBig, setTooBig] = useState(false);
  const members = useImportMembers();
  const organisations = useImportOrganisations();
  const dues = useImportDuesPayments();
  const mutation = kind === 'members' ? members : kind === 'organisations' ? organisations : dues;
  const { message } = useErrorMessage();
  const text = useDuesProblemText();
  const resetAll = () => {
    members.reset();
    organisations.reset();
    dues.reset();
  };

  const mayImport = writesSomewhere(viewer.data);
  if (viewer.data && !mayImport) return <Result status="403" title={t('imports.forbidden')} />;

  const submit = async (dryRun = false) => {
    if (!file) return;
    resetAll();
    const input = { fileName: file.name, contentBase64: await fileToBase64(file), skipInvalid };
    if (kind === 'dues') dues.mutate({ ...input, dryRun, channel });
    else (kind === 'members' ? members : organisations).mutate(input);
  };
  const error = mutation.error;
  const rows: ApiErrorRow[] = isApiError(error) ? error.rows : [];
  const done = kind === 'dues' ? null : (kind === 'members' ? members : organisations).data;
  const duesDone = kind === 'dues' ? dues.data : undefined;
  const problems: ApiErrorRow[] = rows.length ? rows : (done?.problems ?? duesDone?.problems ?? []);

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('imports.title') })}</title>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      <Card size="small">
        <Flex vertical gap={16}>
          <Radio.Group
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              resetAll();
            }}
            options={KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            optionType="button"
            aria-label={t('imports.kind')}
          />
          <Typography.Text type="secondary">{t('imports.columns', { columns: COLUMNS[kind] })}</Typography.Text>
          <Upload.Dragger
            accept=".csv,.xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setTooBig(f.size > MAX_BYTES);
              setFile(f.size > MAX_BYTES ? null : f);
              resetAll();
              return false; // kept in the page; sent by the button
            }}
            onRemove={() => {
              setFile(null);
              setTooBig(false);
            }}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p>{t('imports.drop')}</p>
            <p className="ant-upload-hint">{t('imports.dropHint')}</p>
          </Upload.Dragger>
          {tooBig && <Alert type="error" showIcon title={t('imports.tooBig')} />}
          {kind === 'dues' && (
            <Flex vertical gap={4}>
              <Typography.Text id="dues-channel-label">{t('imports.dues.channel')}</Typography.Text>
              <Radio.Group
                value={channel}
                onChange={(e) => setChannel(e.target.value as Channel)}
                options={(['PORTAL', 'CASH'] as const).map((c) => ({
                  value: c,
                  label: t(`imports.dues.channels.${c}`),
                }))}
                aria-labelledby="dues-channel-label"
                data-testid="import-dues-channel"
              />
            </Flex>
          )}
          <Checkbox
            checked={skipInvalid}
            onChange={(e) => setSkipInvalid(e.target.checked)}
            data-testid="import-skip-invalid"
          >
            {t('imports.skipInvalid')}
          </Checkbox>
          <Flex justify="end" gap={8}>
            {kind === 'dues' && (
              <Button
                disabled={!file}
                loading={dues.isPending && dues.variables?.dryRun === true}
                onClick={() => void submit(true)}
                data-testid="import-dry-run"
              >
                {t('imports.dues.dryRun')}
              </Button>
            )}
            <Button
              type="primary"
              disabled={!file}
              loading={mutation.isPending && !(kind === 'dues' && dues.variables?.dryRun)}
              onClick={() => void submit()}
              data-testid="import-submit"
            >
              {t('imports.submit')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      {done && (
        <Alert
          type={done.skipped ? 'warning' : 'success'}
          showIcon
          data-testid="import-done"
          title={t('imports.done', {
            created: f.number(done.created),
            updated: f.number(done.updated),
            skipped: f.number(done.skipped),
          })}
        />
      )}
      {duesDone && <DuesImportSummary result={duesDone} />}
      {error ? (
        <Alert
          type="error"
          showIcon
          data-testid="import-error"
          title={rows.length ? t('imports.refused', { count: rows.length }) : message(error)}
        />
      ) : null}
      {problems.length > 0 && (
        <Table<ApiErrorRow>
          size="small"
          rowKey={(r) => `${r.row}:${r.column}:${r.reason}`}
          dataSource={problems}
          data-testid="import-problems"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              key: 'row',
              title: t('imports.row'),
              render: (_, r) => (r.row > 0 ? r.row : t('imports.wholeFile')),
              width: 90,
            },
            {
              key: 'column',
              title: t('imports.column'),
              render: (_, r) => (kind === 'dues' ? text.column(r.column) : r.column),
              width: 200,
            },
            {
              key: 'reason',
              title: t('imports.reason'),
              render: (_, r) => (kind === 'dues' ? text.reason(r) : r.reason),
            },
          ]}
        />
      )}
    </div>
  );
};
