import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';
import { SideNav } from './side-nav';

type Props = { open: boolean; width: number; onClose: () => void };

/** The tree and menu on small screens (below md), in a drawer: its own chunk, loaded on small screens only. */
export const NavDrawer = ({ open, width, onClose }: Props) => {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      placement="left"
      size={width}
      title={t('nav.label')}
      closable={{ 'aria-label': t('nav.closeMenu') }}
      onClose={onClose}
      styles={{ body: { padding: 0 } }}
    >
      {/* the header leaves it out on a phone */}
      <div className="nav-drawer__language">
        <LanguageSwitch />
      </div>
      <SideNav onNavigate={onClose} />
    </Drawer>
  );
};
