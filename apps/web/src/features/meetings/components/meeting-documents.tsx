import '../locale';
import { DeleteOutlined, DownloadOutlined, LinkOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, Input, List, Popconfirm, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDocument, DOCUMENT_ACCEPT } from '../../../lib/domain';
import { readFileBase64 } from '../../../lib/download';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useFormat } from '../../../lib/use-format';
import { useAddMeetingDocument, useDownloadMeetingDocument, useRemoveMeetingDocument } from '../api/meeting-documents';
import type { MeetingDetail } from '../api/fields';

/** The API's limit (UPLOAD_MAX_BYTES, default 5 MB); the server checks again with its own setting. */
const MAX_BYTES = 5 * 1024 * 1024;

type ReasonKey = `meetings.documents.errors.${'type' | 'size' | 'empty' | 'content' | 'url' | 'name'}`;

const reasonKey = (reason: string): ReasonKey => {
  if (reason.startsWith('file type not accepted')) return 'meetings.documents.errors.type';
  if (reason.startsWith('is larger')) return 'meetings.documents.errors.size';
  if (reason.startsWith('is empty')) return 'meetings.documents.errors.empty';
  if (reason.startsWith('content is not')) return 'meetings.documents.errors.content';
  if (reason.startsWith('must be an http')) return 'meetings.documents.errors.url';
  return 'meetings.documents.errors.name';
};

/**
 * Documents of a meeting (texts to pass on, the lead report, slides): files stored by chibo, or links. Files are
 * checked here with the same rule as the server (type by extension and content, size) before they are sent.
 */
export const MeetingDocuments = ({ meeting, canEdit }: { meeting: MeetingDetail; canEdit: boolean }) => {
  const { t } = useTranslation();
  const f = useFormat();
  const { message: toast } = App.useApp();
  const { message: errorMessage } = useErrorMessage();
  const add = useAddMeetingDocument();
  const remove = useRemoveMeetingDocument();
  const download = useDownloadMeetingDocument();
  const [form] = Form.useForm<{ name: string; url: string }>();
  const [linkOpen, setLinkOpen] = useState(false);
  const docs = meeting.documentList ?? [];

  const upload = async (file: File) => {
    const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
    const { errors } = checkDocument({ name: file.name, file: { size: file.size, head } }, MAX_BYTES);
    if (errors.length) {
      toast.error(t(reasonKey(errors[0].reason), { name: file.name, accept: DOCUMENT_ACCEPT }));
      return;
    }
    try {
      await add.mutateAsync({
        meetingId: meeting.id,
        input: { name: file.name, contentBase64: await readFileBase64(file) },
      });
      toast.success(t('meetings.documents.added', { name: file.name }));
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };

  const addLink = async (v: { name: string; url: string }) => {
    const { errors } = checkDocument({ name: v.name, url: v.url.trim() });
    if (errors.length) {
      form.setFields([{ name: errors[0].field === 'url' ? 'url' : 'name', errors: [t(reasonKey(errors[0].reason))] }]);
      return;
    }
    try {
      await add.mutateAsync({ meetingId: meeting.id, input: { name: v.name.trim(), url: v.url.trim() } });
      form.resetFields();
      setLinkOpen(false);
    } catch (e) {
      toast.error(errorMessage(e));
    }
  };

  return (
    <Card
      size="small"
      title={<h2 className="card-title">{t('meetings.documents.title')}</h2>}
      data-testid="meeting-documents"
    >
      {canEdit && (
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <Upload accept={DOCUMENT_ACCEPT} showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
            <Button size="small" icon={<UploadOutlined />} loading={add.isPending}>
              {t('meetings.documents.upload')}
            </Button>
          </Upload>
          <Button size="small" icon={<LinkOutlined />} onClick={() => setLinkOpen((o) => !o)} aria-expanded={linkOpen}>
            {t('meetings.documents.addLink')}
          </Button>
        </Flex>
      )}
      {canEdit && linkOpen && (
        <Form form={form} layout="vertical" onFinish={addLink} requiredMark={false} style={{ marginBottom: 12 }}>
          <Form.Item
            name="name"
            label={t('meetings.documents.name')}
            rules={[{ required: true, whitespace: true, message: t('meetings.documents.errors.name') }]}
          >
            <Input maxLength={300} placeholder={t('meetings.documents.namePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="url"
            label={t('meetings.documents.url')}
            rules={[{ required: true, whitespace: true, message: t('meetings.documents.errors.url') }]}
          >
            <Input maxLength={2000} inputMode="url" placeholder="https://" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="small" loading={add.isPending}>
            {t('meetings.documents.saveLink')}
          </Button>
        </Form>
      )}
      {docs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.documents.empty')} />
      ) : (
        <List
          size="small"
          dataSource={docs}
          renderItem={(d) => (
            <List.Item
              key={d.id}
              actions={[
                d.kind === 'FILE' ? (
                  <Button
                    key="get"
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => download.mutate(d, { onError: (e) => void toast.error(errorMessage(e)) })}
                    aria-label={t('meetings.documents.download', { name: d.name })}
                  />
                ) : null,
                canEdit ? (
                  <Popconfirm
                    key="rm"
                    title={t('meetings.documents.removeConfirm', { name: d.name })}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove.mutateAsync(d.id).catch((e: unknown) => toast.error(errorMessage(e)))}
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('meetings.documents.remove', { name: d.name })}
                    />
                  </Popconfirm>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                avatar={d.kind === 'FILE' ? <PaperClipOutlined /> : <LinkOutlined />}
                title={
                  d.kind === 'LINK' && d.url ? (
                    <a href={d.url} target="_blank" rel="noopener noreferrer">
                      {d.name}
                    </a>
                  ) : (
                    <span>{d.name}</span>
                  )
                }
                description={
                  <Typography.Text type="secondary">
                    {[
                      d.sizeBytes != null
                        ? t('meetings.documents.size', { kb: f.number(Math.max(1, Math.round(d.sizeBytes / 1024))) })
                        : null,
                      f.dateTime(d.createdAt),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
};
