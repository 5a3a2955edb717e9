import { lightIconPaths, type LightIconName } from './light-icon-paths';

/**
 * An @ant-design/icons outlined icon drawn from its paths (light-icon-paths.ts), without the icons package and its
 * style injection: the same `<span class="anticon" role="img">` around a 1em SVG in the text's colour. Decorative
 * (hidden from screen readers) unless `label` names it.
 */
export const LightIcon = ({ name, label, className }: { name: LightIconName; label?: string; className?: string }) => (
  <span
    role="img"
    aria-label={label}
    aria-hidden={label ? undefined : true}
    className={`anticon light-icon anticon-${name.toLowerCase()}${className ? ` ${className}` : ''}`}
  >
    <svg
      viewBox="64 64 896 896"
      focusable="false"
      width="1em"
      height="1em"
      fill="currentColor"
      fillRule={name === 'CloseCircleFilled' ? 'evenodd' : undefined}
      aria-hidden="true"
    >
      {lightIconPaths[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  </span>
);
