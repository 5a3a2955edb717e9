import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'chibo.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}

const isLanguage = (value: unknown): value is Language => value === 'vi' || value === 'en';

const storedLanguage = (): Language => {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return isLanguage(v) ? v : 'vi';
  } catch {
    return 'vi';
  }
};

const applyLanguage = (lng: Language) => {
  dayjs.locale(lng);
  document.documentElement.lang = lng;
};

export const initI18n = () => {
  const lng = storedLanguage();
  applyLanguage(lng);
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'vi',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  return i18n;
};

export const currentLanguage = (): Language => (isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'vi');

export const changeLanguage = async (lng: Language) => {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not persisted, still switched for this tab
  }
  applyLanguage(lng);
  await i18n.changeLanguage(lng);
};
