import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/use-error-message';
import { useSignIn } from '../api/sign-in';

type Props = { notice: string | null; onSignedIn: () => void };

// Plain HTML form (no antd) so the first screen stays light.
export const SignInForm = ({ notice, onSignedIn }: Props) => {
  const { t } = useTranslation();
  const { message } = useErrorMessage();
  const signIn = useSignIn();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const next = { username: username.trim() === '', password: password === '' };
    setMissing(next);
    if (next.username || next.password) return;
    signIn.mutate({ username: username.trim(), password }, { onSuccess: onSignedIn });
  };

  const error = signIn.isError ? message(signIn.error) : null;

  return (
    <form className="signin-form" onSubmit={onSubmit} noValidate aria-busy={signIn.isPending}>
      {notice && !error && (
        <p className="signin-notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="signin-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <div className="signin-field">
        <label htmlFor={`${id}-username`}>{t('signIn.username')}</label>
        <input
          id={`${id}-username`}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          aria-invalid={missing.username || undefined}
          aria-describedby={missing.username ? `${id}-username-error` : undefined}
          autoFocus
        />
        {missing.username && (
          <span id={`${id}-username-error`} className="signin-field__error">
            {t('signIn.usernameRequired')}
          </span>
        )}
      </div>
      <div className="signin-field">
        <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={missing.password || undefined}
          aria-describedby={missing.password ? `${id}-password-error` : undefined}
        />
        {missing.password && (
          <span id={`${id}-password-error`} className="signin-field__error">
            {t('signIn.passwordRequired')}
          </span>
        )}
      </div>
      <button type="submit" className="signin-submit" disabled={signIn.isPending}>
        {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
};
