import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { LightIcon } from './light-icon';

export type LightMenuItem = {
  key: string;
  icon?: ReactNode;
  label: string;
  /** where the item leads (a group has children instead) */
  to?: string;
  testId?: string;
  children?: LightMenuItem[];
};

type Props = {
  items: LightMenuItem[];
  selectedKey: string;
  defaultOpenKeys?: string[];
  onClick?: () => void;
};

// the menu items in the order they show (the open groups' items included), for the arrow keys
const focusables = (menu: HTMLElement) =>
  [...menu.querySelectorAll<HTMLElement>('.light-menu__item')].filter((el) => el.offsetParent !== null);

/**
 * antd's `<Menu mode="inline">` of the side navigation: the same look (styles.css, `light-menu`), roles and keys —
 * a `menu` of `menuitem`s holding their links, groups that fold (`aria-expanded`), the current page marked (`aria-current` and the
 * selected colours), ↑/↓/Home/End moving between items — without antd's code.
 */
export const LightMenu = ({ items, selectedKey, defaultOpenKeys = [], onClick }: Props) => {
  const [open, setOpen] = useState<string[]>(defaultOpenKeys);
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = focusables(e.currentTarget);
    const at = list.indexOf(document.activeElement as HTMLElement);
    const to =
      e.key === 'ArrowDown'
        ? at + 1
        : e.key === 'ArrowUp'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? list.length - 1
              : null;
    if (to === null || list.length === 0) return;
    e.preventDefault();
    list[(to + list.length) % list.length]?.focus();
  };
  const item = (it: LightMenuItem, sub: boolean): ReactNode => {
    if (it.children) {
      const expanded = open.includes(it.key);
      const childSelected = it.children.some((c) => c.key === selectedKey);
      return (
        <li
          key={it.key}
          role="none"
          className={childSelected ? 'light-menu__group is-child-selected' : 'light-menu__group'}
        >
          <button
            type="button"
            role="menuitem"
            aria-expanded={expanded}
            aria-haspopup="menu"
            className="light-menu__item"
            onClick={() => setOpen((o) => (expanded ? o.filter((k) => k !== it.key) : [...o, it.key]))}
          >
            {it.icon}
            <span className="light-menu__label">{it.label}</span>
            <LightIcon name="Down" className={expanded ? 'light-menu__arrow is-open' : 'light-menu__arrow'} />
          </button>
          {expanded && (
            <ul role="menu" aria-label={it.label} className="light-menu light-menu--sub">
              {it.children.map((c) => item(c, true))}
            </ul>
          )}
        </li>
      );
    }
    const selected = it.key === selectedKey;
    return (
      // as antd's: the item is the menu item, its link (the whole row) the thing to click and focus
      <li key={it.key} role="menuitem">
        <Link
          to={it.to ?? '#'}
          aria-current={selected ? 'page' : undefined}
          className={`light-menu__item${sub ? ' light-menu__item--sub' : ''}${selected ? ' is-selected' : ''}`}
          onClick={onClick}
          data-testid={it.testId}
        >
          {it.icon}
          <span className="light-menu__label">{it.label}</span>
        </Link>
      </li>
    );
  };
  return (
    <ul role="menu" className="light-menu" onKeyDown={onKeyDown}>
      {items.map((it) => item(it, false))}
    </ul>
  );
};
