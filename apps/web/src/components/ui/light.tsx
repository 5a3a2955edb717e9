import type { ReactNode } from 'react';
import { LightIcon } from './light-icon';

// Light equivalents of antd components for the first screen after sign-in (the dashboard): the same look (styles.css,
// `light-*`), without antd's code for them. The other screens use antd's own.

type CardProps = { title?: ReactNode; extra?: ReactNode; className?: string; testId?: string; children: ReactNode };

/** antd's `<Card size="small">`: a titled white box. */
export const LightCard = ({ title, extra, className, testId, children }: CardProps) => (
  <div className={className ? `light-card ${className}` : 'light-card'} data-testid={testId}>
    {(title || extra) && (
      <div className="light-card__head">
        <div className="light-card__title">{title}</div>
        {extra && <div className="light-card__extra">{extra}</div>}
      </div>
    )}
    <div className="light-card__body">{children}</div>
  </div>
);

/** antd's `<Skeleton active>`: grey bars while the data loads (hidden from screen readers, which hear "busy"). */
export const LightSkeleton = ({ rows = 3, title = true }: { rows?: number; title?: boolean }) => (
  <div className="light-skeleton" aria-busy="true">
    {title && <div className="light-skeleton__title" />}
    {Array.from({ length: rows }, (_, i) => (
      <div key={i} className="light-skeleton__row" style={i === rows - 1 && rows > 1 ? { width: '61%' } : undefined} />
    ))}
  </div>
);

/** antd's `<Typography.Text type="secondary">`. */
export const SecondaryText = ({
  className,
  children,
  testId,
}: {
  className?: string;
  children: ReactNode;
  testId?: string;
}) => (
  <span className={className ? `text-secondary ${className}` : 'text-secondary'} data-testid={testId}>
    {children}
  </span>
);

/** antd's `<Breadcrumb>`: the items separated by "/", the last one the current page. */
export const LightBreadcrumb = ({ items }: { items: { key: string; title: ReactNode }[] }) => (
  <ol className="light-breadcrumb">
    {items.map((item, i) => (
      <li key={item.key}>
        {i > 0 && (
          <span className="light-breadcrumb__separator" aria-hidden>
            /
          </span>
        )}
        {item.title}
      </li>
    ))}
  </ol>
);

export type TagColor =
  | 'default'
  | 'blue'
  | 'purple'
  | 'geekblue'
  | 'cyan'
  | 'orange'
  | 'red'
  | 'green'
  | 'success'
  | 'warning'
  | 'error'
  | 'processing';

/** antd's `<Tag color>` for its preset and status colours. */
export const LightTag = ({
  color = 'default',
  testId,
  children,
}: {
  color?: TagColor;
  testId?: string;
  children: ReactNode;
}) => (
  <span className="light-tag" data-color={color} data-testid={testId}>
    {children}
  </span>
);

/** antd's `<Progress size="small">` (a line): the bar, then its text; `success` turns it green. */
export const LightProgress = ({
  percent,
  text,
  success,
  label,
}: {
  percent: number;
  text: string;
  success: boolean;
  label: string;
}) => (
  <div
    className={success ? 'light-progress is-success' : 'light-progress'}
    role="progressbar"
    aria-label={label}
    aria-valuemin={0}
    aria-valuemax={100}
    aria-valuenow={percent}
    aria-valuetext={text}
  >
    <div className="light-progress__track">
      <div className="light-progress__bar" style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
    </div>
    <span className="light-progress__text">{text}</span>
  </div>
);

const ALERT_ICONS = {
  info: 'InfoCircleFilled',
  warning: 'ExclamationCircleFilled',
  error: 'CloseCircleFilled',
} as const;

/** antd's `<Alert showIcon>` (info, warning or error): a title, an optional description and an action at its end. */
export const LightAlert = ({
  type,
  title,
  description,
  action,
  className,
  testId,
}: {
  type: keyof typeof ALERT_ICONS;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
  testId?: string;
}) => (
  <div
    role="alert"
    data-testid={testId}
    className={['light-alert', `light-alert--${type}`, description ? 'has-description' : '', className ?? '']
      .filter(Boolean)
      .join(' ')}
  >
    <span className="light-alert__icon">
      <LightIcon name={ALERT_ICONS[type]} />
    </span>
    <div className="light-alert__section">
      <div className="light-alert__title">{title}</div>
      {description && <div className="light-alert__description">{description}</div>}
    </div>
    {action && <div className="light-alert__actions">{action}</div>}
  </div>
);

/** antd's `<Spin size="small">` (its four turning dots), with the text under it when there is one. */
export const LightSpin = ({ description }: { description?: string }) => (
  <div className="light-spin" aria-live="polite" aria-busy="true">
    <span className="light-spin__dots" aria-hidden>
      <i />
      <i />
      <i />
      <i />
    </span>
    {description && <div className="light-spin__description">{description}</div>}
  </div>
);
