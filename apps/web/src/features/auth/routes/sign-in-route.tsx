import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { changeLanguage, LANGUAGES } from '../../../lib/i18n';
import { sessionEndReason } from '../../../lib/session';
import { useLanguage } from '../../../lib/use-language';
import { useSession } from '../../../lib/use-session';
import { SignInForm } from '../components/sign-in-form';

// Only same-app paths are accepted as a return address (no open redirect).
const safeNext = (value: string | null): string =>
  value && value.startsWith('/') && !value.startsWith('//') ? value : '/';

export const SignInRoute = () => {
  const { t } = useTranslation();
  const lng = useLanguage();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [endReason] = useState(sessionEndReason);

  if (session) return <Navigate to={next} replace />;

  const notice =
    endReason === 'expired' ? t('signIn.sessionExpired') : endReason === 'signedOut' ? t('signIn.signedOut') : null;

  return (
    <main className="signin-page">
      <title>{t('app.pageTitle', { page: t('signIn.title') })}</title>
      <div className="signin-card">
        <div className="signin-lang" role="group" aria-label={t('language.label')}>
          {LANGUAGES.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              className={l === lng ? 'signin-lang__btn is-active' : 'signin-lang__btn'}
              aria-pressed={l === lng}
              onClick={() => void changeLanguage(l)}
            >
              {t(`language.${l}`)}
            </button>
          ))}
        </div>
        <svg className="signin-brand" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 2.5l2.9 6.6 7.1.6-5.4 4.7 1.6 7-6.2-3.7-6.2 3.7 1.6-7L2 9.7l7.1-.6z" />
        </svg>
        <h1 className="signin-title">{t('signIn.title')}</h1>
        <p className="signin-subtitle">
          <strong>{t('app.name')}</strong> · {t('signIn.subtitle')}
        </p>
        <SignInForm notice={notice} onSignedIn={() => navigate(next, { replace: true })} />
      </div>
    </main>
  );
};
