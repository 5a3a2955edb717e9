import '../locale';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Flex, Radio, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiErrorRow } from '../../../lib/api-error';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useViewer, writesSomewhere } from '../../../lib/viewer';
import { fileToBase64, useImportMembers, useImportOrganisations } from '../api/import-file';

type Kind = 'members' | 'organisations';
const MAX_BYTES = 8 * 1024 * 1024;

const COLUMNS: Record<Kind, string> = {
  members: 'ma_to_chuc, ho_ten, ngay_sinh, gioi_tinh, so_dinh_danh, ngay_quyet_dinh_ket_nap, ngay_vao_dang, ngay_chinh_thuc, …',
  organisations: 'ma, ten, loai, ma_cap_tren, ngay_thanh_lap, nhiem_ky_tu, nhiem_ky_den, …',
};

/**
 * /import: organisations or members from a CSV or XLSX file, all rows or none (or the valid rows only). The refused
 * rows are listed with their row number, column and reason, as the API gives them; nothing is written then.
 */
export const ImportRoute = () => {
  const { t } = useTranslation();
  const f = useFormat();
  const viewer = useViewer();
  const [kind, setKind] = useState<Kind>('members');
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [tooBig, setTooBig] = useState(false);
  const members = useImportMembers();
  const organisations = useImportOrganisations();
  const mutation = kind === 'members' ? members : organisations;
  const { message } = useErrorMessage();

  const mayImport = writesSomewhere(viewer.data);
  if (viewer.data && !mayImport) return <Result status="403" title={t('imports.forbidden')} />;

  const submit = async () => {
    if (!file) return;
    members.reset();
    organisations.reset();
    mutation.mutate({ fileName: file.name, contentBase64: await fileToBase64(file), skipInvalid });
  };
  const error = mutation.error;
  const rows: ApiErrorRow[] = isApiError(error) ? error.rows : [];
  const done = mutation.data;

  return (
    <div className="section-gap">
      <title>{t('app.pageTitle', { page: t('imports.title') })}</title>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>{t('imports.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      <Card size="small">
        <Flex vertical gap={16}>
          <Radio.Group
            value={kind}
            onChange={(e) => { setKind(e.target.value as Kind); members.reset(); organisations.reset(); }}
            options={[{ value: 'members', label: t('imports.kinds.members') }, { value: 'organisations', label: t('imports.kinds.organisations') }]}
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
              members.reset();
              organisations.reset();
              return false; // kept in the page; sent by the button
            }}
            onRemove={() => { setFile(null); setTooBig(false); }}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon"><InboxOutlined aria-hidden /></p>
            <p>{t('imports.drop')}</p>
            <p className="ant-upload-hint">{t('imports.dropHint')}</p>
          </Upload.Dragger>
          {tooBig && <Alert type="error" showIcon title={t('imports.tooBig')} />}
          <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} data-testid="import-skip-invalid">
            {t('imports.skipInvalid')}
          </Checkbox>
          <Flex justify="end">
            <Button type="primary" disabled={!file} loading={mutation.isPending} onClick={() => void submit()} data-testid="import-submit">
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
          title={t('imports.done', { created: f.number(done.created), updated: f.number(done.updated), skipped: f.number(done.skipped) })}
        />
      )}
      {error ? <Alert type="error" showIcon data-testid="import-error" title={rows.length ? t('imports.refused', { count: rows.length }) : message(error)} /> : null}
      {(rows.length > 0 || (done?.problems.length ?? 0) > 0) && (
        <Table<ApiErrorRow>
          size="small"
          rowKey={(r) => `${r.row}:${r.column}:${r.reason}`}
          dataSource={rows.length ? rows : (done?.problems ?? [])}
          data-testid="import-problems"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { key: 'row', title: t('imports.row'), render: (_, r) => (r.row > 0 ? r.row : t('imports.wholeFile')), width: 90 },
            { key: 'column', title: t('imports.column'), dataIndex: 'column', width: 200 },
            { key: 'reason', title: t('imports.reason'), dataIndex: 'reason' },
          ]}
        />
      )}
    </div>
  );
};
