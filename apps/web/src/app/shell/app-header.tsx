import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { LightButton } from '../../components/ui/light-button';
import { LightIcon } from '../../components/ui/light-icon';
import { useSignOut } from '../../features/auth/api/sign-out';
import { NoticeBell } from '../../features/notices/components/notice-bell';
import { withFeedback } from '../../lib/feedback';
import { paths, useAppHref } from '../../lib/paths';
import { useSession } from '../../lib/use-session';
import { getOutbox } from '../../lib/offline/outbox-status';
import { AsOfPicker } from './as-of-picker';
import { HeaderSearch } from './header-search';
import { OutboxIndicator } from './outbox-indicator';
import { LanguageSwitch } from './language-switch';

type Props = { showMenuButton: boolean; onOpenMenu: () => void };

export const AppHeader = ({ showMenuButton, onOpenMenu }: Props) => {
  const { t } = useTranslation();
  const href = useAppHref();
  const session = useSession();
  const signOut = useSignOut();
  // changes made offline and not sent yet go with the device's data on sign-out: ask first
  const confirmSignOut = () => {
    const waiting = getOutbox().length;
    if (waiting === 0) return signOut.mutate();
    // antd's dialog: loaded with its <App> when first asked for (lib/feedback.ts)
    withFeedback(({ modal }) => {
      void modal.confirm({
        title: t('header.signOutPending', { count: waiting }),
        content: t('header.signOutPendingHint'),
        okText: t('header.signOut'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => signOut.mutate(),
      });
    });
  };

  return (
    <>
      {showMenuButton && (
        <LightButton icon={<LightIcon name="Menu" />} onClick={onOpenMenu}>
          {t('nav.openMenu')}
        </LightButton>
      )}
      <Link to={href(paths.home)} className="app-header__brand">
        {t('app.name')}
      </Link>
      <div className="app-header__tools">
        {session && <HeaderSearch />}
        <AsOfPicker />
        {/* on a phone the language switch is in the menu's drawer (the header keeps one row) */}
        <div className="app-header__language">
          <LanguageSwitch />
        </div>
        {session && <OutboxIndicator />}
        {session && <NoticeBell />}
        {session && (
          <span className="app-header__user" data-testid="current-user">
            {t('header.currentUser', { name: session.viewer.displayName || session.viewer.username })}
          </span>
        )}
        <LightButton
          icon={<LightIcon name="Logout" />}
          loading={signOut.isPending}
          // clearing the session sends the route guard to the sign-in screen
          onClick={confirmSignOut}
        >
          {t('header.signOut')}
        </LightButton>
      </div>
    </>
  );
};
