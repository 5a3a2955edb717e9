import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../lib/domain';
import { foldedSearch } from '../../../lib/folded-search';
import { useCellMembers } from '../api/get-cell-members';

type Props = Omit<SelectProps<string[]>, 'mode' | 'options' | 'loading' | 'placeholder' | 'notFoundContent'> & {
  /** The cell, or the committee whose cells' members may be picked. */
  organisationId: string;
  /** The date the members are read on (the API checks the subjects on it). */
  asOf: IsoDate;
};

/**
 * The subjects of an inspection or of a yearly plan: members of the organisation on a date, searchable by name. Used
 * inside a Form.Item, which passes value, onChange and id through.
 */
export const CellMemberSelect = ({ organisationId, asOf, ...select }: Props) => {
  const { t } = useTranslation();
  const members = useCellMembers(organisationId, asOf);
  return (
    <Select
      mode="multiple"
      // "nguyen van" finds "Nguyễn Văn An": names are typed without diacritics on many keyboards
      showSearch={foldedSearch}
      loading={members.isPending}
      options={(members.data ?? []).map((m) => ({ value: m.id, label: m.fullName }))}
      placeholder={members.isError ? t('inspections.form.membersUnavailable') : t('inspections.form.pickMembers')}
      notFoundContent={t('inspections.form.noMembers')}
      {...select}
    />
  );
};
