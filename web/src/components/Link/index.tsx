import type { ComponentChildren, JSX } from 'preact';
import styles from './style.module.css';
import { navigate } from '../../lib/router';

type Props = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & {
  href: string;
  children: ComponentChildren;
};

/** An in-app link: a real <a href> that navigates without reloading the page. */
export function Link({ href, children, onClick, ...rest }: Props) {
  const handleClick = (event: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
    if (onClick) (onClick as (e: typeof event) => void)(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}

/** "← Back to …" above a page's title: a link to the page it belongs to. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p>
      <Link href={href} class={styles.back}>
        <span aria-hidden="true">←</span>
        {label}
      </Link>
    </p>
  );
}
