import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { LightIcon } from '../../components/ui/light-icon';
import { paths, useAppHref, withParams } from '../../lib/paths';

/**
 * The header's search box: what is typed opens the search page (/tim-kiem?q=) with it. On a phone only the button
 * shows (the header keeps one row); it opens the page, whose box takes the text.
 */
export const HeaderSearch = () => {
  const { t } = useTranslation();
  const href = useAppHref();
  const navigate = useNavigate();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    void navigate(withParams(href(paths.search), { q }));
    e.currentTarget.reset();
  };
  return (
    <form role="search" className="app-header__search" onSubmit={submit}>
      <input
        name="q"
        type="search"
        className="app-header__search-input"
        placeholder={t('header.searchPlaceholder')}
        aria-label={t('header.searchPlaceholder')}
        maxLength={100}
        data-testid="header-search"
      />
      <button
        type="submit"
        className="light-btn light-btn--default light-btn--icon-only"
        aria-label={t('header.search')}
        title={t('header.search')}
        data-testid="header-search-submit"
      >
        <LightIcon name="Search" />
      </button>
    </form>
  );
};
