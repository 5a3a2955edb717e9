import i18n from 'i18next';

/**
 * Adds Vietnamese texts of a feature (locales/lazy/<name>.vi.json) when its code loads, so that the first screen
 * does not carry the texts of every screen. English texts stay in en.json, which loads only when English is chosen.
 * Safe to call more than once and before i18n has started.
 */
export const addVietnamese = (texts: Record<string, unknown>): void => {
  const add = () => i18n.addResourceBundle('vi', 'translation', texts, true, false);
  if (i18n.isInitialized) add();
  else i18n.on('initialized', add);
};
