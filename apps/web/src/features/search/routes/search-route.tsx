import { Alert, Input, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { QueryError } from '../../../components/ui/query-error';
import { useAsOf } from '../../../lib/as-of';
import { searchWords } from '../../../lib/domain';
import { SEARCH_MAX_LENGTH, useSearch } from '../api/search';
import { SearchResults } from '../components/search-results';
import '../search.css';

/** Wait after the last keystroke before asking the server. */
const TYPING_PAUSE_MS = 250;

// /tim-kiem?q=: "Tìm kiếm" — the one search box (reached from the header): members, organisations and meetings of the
// user's scope whose name, code or title has the words typed, with or without diacritics, on the app's as-of date.
export const SearchRoute = () => {
  const { t } = useTranslation();
  const { asOf } = useAsOf();
  const [params, setParams] = useSearchParams();
  const [typed, setTyped] = useState(params.get('q') ?? '');
  const [text, setText] = useState(typed);
  useEffect(() => {
    const id = setTimeout(() => {
      setText(typed);
      // the address keeps the text (back, reload and links bring the same search)
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (typed.trim()) next.set('q', typed.trim());
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(id);
  }, [typed, setParams]);
  const search = useSearch(text, asOf);
  const hasWords = searchWords(text).length > 0;

  return (
    <div className="section-gap search-page">
      <title>{t('app.pageTitle', { page: t('search.title') })}</title>
      <h1 className="search-page__title">{t('search.title')}</h1>
      <Input
        type="search"
        size="large"
        autoFocus
        allowClear
        maxLength={SEARCH_MAX_LENGTH}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        data-testid="search-input"
      />
      {!hasWords && <Alert type="info" showIcon message={t('search.hint')} />}
      {hasWords && search.isPending && <Spin aria-label={t('search.searching')} />}
      {hasWords && search.isError && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
      {hasWords && search.data && <SearchResults hits={search.data} />}
    </div>
  );
};
