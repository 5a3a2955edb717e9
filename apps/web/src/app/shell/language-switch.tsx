import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../../lib/i18n';
import { useLanguage } from '../../lib/use-language';

/** The header's language switch: antd's small segmented control in look (styles.css, `light-segmented`), without its code. */
export const LanguageSwitch = () => {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <div className="light-segmented" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === lng ? 'light-segmented__item is-selected' : 'light-segmented__item'}
          aria-pressed={l === lng}
          onClick={() => void changeLanguage(l)}
        >
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
};
