import type { ReactNode } from 'react';

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
export const SecondaryText = ({ className, children, testId }: { className?: string; children: ReactNode; testId?: string }) => (
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
