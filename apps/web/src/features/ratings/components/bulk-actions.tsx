import { CheckOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, List, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import type { Rating } from '../api/fields';
import { useDecideRating, useProposeRating } from '../api/rating-mutations';

type Action = 'propose' | 'decide';
type Outcome = { done: number; refused: { name: string; message: string }[] };

/** The ratings of a selection an action applies to: proposals at the level the rules give, decisions as proposed. */
export const bulkTargets = (selected: readonly Rating[], action: Action): Rating[] =>
  action === 'propose'
    ? selected.filter((r) => r.stage === 'SELF_ASSESSED' && r.computedLevel)
    : selected.filter((r) => r.stage === 'PROPOSED' && r.proposedLevel);

/**
 * Proposes (at the level the rules give: computedLevel) or decides (as proposed) the selected ratings one by one,
 * through the same mutations as a single rating, so the same rules, caps and quota apply to each; the ones the API
 * refuses are listed with its reason (e.g. the quota reached), the others are done. A decision at another level, or
 * over the quota, is made one by one with its reason. Shown while rows are selected; the outcome stays until closed.
 */
export const BulkActions = ({ selected, onDone }: { selected: Rating[]; onDone: () => void }) => {
  const { t } = useTranslation();
  const { message } = useErrorMessage();
  const propose = useProposeRating();
  const decide = useDecideRating();
  const [confirm, setConfirm] = useState<Action | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const toPropose = bulkTargets(selected, 'propose');
  const toDecide = bulkTargets(selected, 'decide');

  const run = async (action: Action) => {
    setRunning(true);
    const result: Outcome = { done: 0, refused: [] };
    for (const r of action === 'propose' ? toPropose : toDecide) {
      try {
        if (action === 'propose') await propose.mutateAsync({ ratingId: r.id, level: r.computedLevel! });
        else await decide.mutateAsync({ ratingId: r.id, level: r.proposedLevel! });
        result.done += 1;
      } catch (e) {
        result.refused.push({ name: r.subjectName, message: message(e) });
      }
    }
    setRunning(false);
    setConfirm(null);
    setOutcome(result);
    onDone();
  };

  const count = confirm === 'propose' ? toPropose.length : toDecide.length;
  return (
    <>
      {selected.length > 0 && (
        <Flex gap={8} wrap align="center" data-testid="ratings-bulk">
          <Typography.Text type="secondary">{t('ratings.bulk.selected', { count: selected.length })}</Typography.Text>
          <Button
            icon={<FormOutlined aria-hidden />}
            disabled={!toPropose.length}
            onClick={() => {
              setOutcome(null);
              setConfirm('propose');
            }}
            data-testid="ratings-bulk-propose"
          >
            {t('ratings.bulk.propose', { count: toPropose.length })}
          </Button>
          <Button
            type="primary"
            icon={<CheckOutlined aria-hidden />}
            disabled={!toDecide.length}
            onClick={() => {
              setOutcome(null);
              setConfirm('decide');
            }}
            data-testid="ratings-bulk-decide"
          >
            {t('ratings.bulk.decide', { count: toDecide.length })}
          </Button>
        </Flex>
      )}
      {outcome && (
        <Alert
          type={outcome.refused.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setOutcome(null)}
          data-testid="ratings-bulk-outcome"
          title={t('ratings.bulk.outcome', { done: outcome.done, refused: outcome.refused.length })}
          description={
            outcome.refused.length ? (
              <List
                size="small"
                dataSource={outcome.refused}
                renderItem={(x) => <List.Item>{`${x.name}: ${x.message}`}</List.Item>}
              />
            ) : undefined
          }
        />
      )}
      <Modal
        open={confirm !== null}
        title={
          confirm === 'propose' ? t('ratings.bulk.proposeTitle', { count }) : t('ratings.bulk.decideTitle', { count })
        }
        okText={confirm === 'propose' ? t('ratings.bulk.proposeOk') : t('ratings.bulk.decideOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: running, 'data-testid': 'ratings-bulk-confirm' } as ButtonProps}
        onOk={() => void run(confirm ?? 'decide')}
        onCancel={() => !running && setConfirm(null)}
        maskClosable={false}
      >
        <Typography.Paragraph>
          {confirm === 'propose' ? t('ratings.bulk.proposeHint') : t('ratings.bulk.decideHint')}
        </Typography.Paragraph>
      </Modal>
    </>
  );
};
