import type { CSSProperties, KeyboardEvent } from 'react';
import { LightIcon } from './light-icon';

type Props = {
  id: string;
  /** The text the field shows (the value, formatted). */
  text: string;
  /** The icon at the end: a calendar (date) or an arrow (a list to pick from). */
  icon: 'date' | 'select';
  /** Called on the first click, key or focus: the page swaps in the real control, which takes the focus. */
  onActivate: () => void;
  /** Called when the pointer comes near: fetch the real control's code early. */
  onPrefetch?: () => void;
  style?: CSSProperties;
};

/**
 * A light stand-in for an antd date picker or select on the first screen: the same size, border and text, without
 * antd's code. The real control's code is fetched when the pointer comes near or the field gets the focus, and the
 * real control replaces it (open, focused) on the first click or key: the first screen does not download the picker.
 */
export const LightField = ({ id, text, icon, onActivate, onPrefetch, style }: Props) => {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Tab' || e.key === 'Shift' || e.key === 'Escape') return;
    e.preventDefault();
    onActivate();
  };
  return (
    <span
      className={`light-field light-field--${icon}`}
      style={style}
      onPointerEnter={onPrefetch}
      onPointerDown={onActivate}
    >
      <input
        id={id}
        className="light-field__input"
        value={text}
        readOnly
        role={icon === 'select' ? 'combobox' : undefined}
        aria-expanded={icon === 'select' ? false : undefined}
        aria-haspopup={icon === 'date' ? 'dialog' : 'listbox'}
        onFocus={onPrefetch}
        onKeyDown={onKeyDown}
      />
      <LightIcon name={icon === 'date' ? 'Calendar' : 'Down'} className="light-field__icon" />
    </span>
  );
};
