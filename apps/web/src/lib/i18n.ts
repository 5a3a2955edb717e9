import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from '../locales/vi.json';
import type adminVi from '../locales/admin.vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'chibo.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // the entry's texts and those of lazily loaded screens (locales/<screen>.<lng>.json, added by addScreenTexts)
    resources: { translation: typeof vi & typeof adminVi };
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
let englishLoaded = false;
// The texts of lazily loaded screens (e.g. administration: locales/admin.<lng>.json), kept for English's late arrival.
const screenTexts: { vi: object; en: object }[] = [];

const loadEnglish = async () => {
  if (englishLoaded) return;
  const en = (await import('../locales/en.json')).default;
  i18n.addResourceBundle('en', 'translation', en, true, false);
  for (const texts of screenTexts) i18n.addResourceBundle('en', 'translation', texts.en, true, false);
  englishLoaded = true;
};

/**
 * Adds the texts of a lazily loaded screen (its chunk imports them, so they weigh nothing on the first screen);
 * merged into the one `translation` namespace, for both languages (English when it is or gets loaded).
 */
export const addScreenTexts = (texts: { vi: object; en: object }) => {
  screenTexts.push(texts);
  i18n.addResourceBundle('vi', 'translation', texts.vi, true, false);
  if (englishLoaded) i18n.addResourceBundle('en', 'translation', texts.en, true, false);
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
