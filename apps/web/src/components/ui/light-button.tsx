import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type'> & {
  icon?: ReactNode;
  /** antd's `type="link"`: a button that looks like a link. */
  link?: boolean;
  /** antd's `loading`: busy and not clickable, with a spinner in place of the icon. */
  loading?: boolean;
  size?: 'small' | 'middle';
  'data-testid'?: string;
};

/** antd's `<Button>` (default or link, middle or small) for the first screen: the same look (styles.css), none of its code. */
export const LightButton = ({
  icon,
  link,
  loading,
  size = 'middle',
  className,
  children,
  disabled,
  ...rest
}: Props) => {
  const text = children !== undefined && children !== null && children !== false;
  const classes = [
    'light-btn',
    link ? 'light-btn--link' : 'light-btn--default',
    size === 'small' ? 'light-btn--sm' : '',
    text ? '' : 'light-btn--icon-only',
    loading ? 'is-loading' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button type="button" className={classes} disabled={disabled || loading} aria-busy={loading || undefined} {...rest}>
      {loading ? <span className="light-btn__spinner" aria-hidden /> : icon}
      {text && <span>{children}</span>}
    </button>
  );
};
