import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../../lib/i18n';
import { useLanguage } from '../../lib/use-language';

export const LanguageSwitch = () => {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      value={lng}
      options={LANGUAGES.map((l) => ({ value: l, label: <span lang={l}>{t(`language.${l}`)}</span> }))}
      onChange={(value) => void changeLanguage(value)}
    />
  );
};
