import { useTranslation } from 'react-i18next';
import type { Language } from './i18n';

/** The current UI language; components using it re-render when it changes. */
export const useLanguage = (): Language => {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
};
