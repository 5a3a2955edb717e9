import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from '../locales/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'chibo.lang';

// Texts of screens away from the first one live in locales/lazy/<feature>.vi.json and are added when their feature
// loads (features/<feature>/locale.ts); the type still knows every key.
type LazyVi = typeof import('../locales/lazy/dues.vi.json') &
  typeof import('../locales/lazy/members.vi.json') &
  typeof import('../locales/lazy/meetings.vi.json') &
  typeof import('../locales/lazy/visits.vi.json') &
  typeof import('../locales/lazy/compliance.vi.json') &
  typeof import('../locales/lazy/imports.vi.json') &
  typeof import('../locales/lazy/admin.vi.json') &
  typeof import('../locales/lazy/sync.vi.json') &
  typeof import('../locales/lazy/restructure.vi.json') &
  typeof import('../locales/lazy/lists.vi.json');

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi & LazyVi };
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

// Vietnamese is in the entry chunk; English is loaded when it is first chosen (most users never do).
const loadEnglish = async () => {
  if (i18n.hasResourceBundle('en', 'translation')) return;
  const en = (await import('../locales/en.json')).default;
  i18n.addResourceBundle('en', 'translation', en);
};

/** Starts i18n in the stored language (Vietnamese by default); resolves once that language's texts are loaded. */
export const initI18n = async () => {
  const lng = storedLanguage();
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi } },
    lng: 'vi',
    fallbackLng: 'vi',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    initAsync: false,
  });
  applyLanguage('vi');
  if (lng === 'en') {
    try {
      await loadEnglish();
      applyLanguage('en');
      await i18n.changeLanguage('en');
    } catch {
      // the English texts could not be loaded (offline): stay in Vietnamese
    }
  }
  return i18n;
};

export const currentLanguage = (): Language => (isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'vi');

export const changeLanguage = async (lng: Language) => {
  if (lng === 'en') await loadEnglish();
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not persisted, still switched for this tab
  }
  applyLanguage(lng);
  await i18n.changeLanguage(lng);
};
