import { h, type VNode } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import styles from './style.module.css';

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

// Drawing elements and geometry attributes only: no scripts, links, styles or handlers.
const ALLOWED: Record<string, readonly string[]> = {
  svg: ['viewBox', 'width', 'height', 'fill', 'shape-rendering'],
  g: ['transform', 'fill', 'stroke', 'stroke-width', 'shape-rendering'],
  rect: ['x', 'y', 'width', 'height', 'fill', 'stroke', 'stroke-width', 'transform'],
  path: ['d', 'fill', 'fill-rule', 'stroke', 'stroke-width', 'transform'],
  polygon: ['points', 'fill', 'stroke', 'transform'],
  circle: ['cx', 'cy', 'r', 'fill'],
};
const COLOR = /^(#[0-9a-fA-F]{3,8}|[a-z]+|none)$/;

function rebuild(node: Element, key: number): VNode | null {
  const name = node.localName;
  const allowed = ALLOWED[name];
  if (!allowed) return null;
  const props: Record<string, string | number> = { key };
  for (const attr of allowed) {
    const value = node.getAttribute(attr);
    if (value === null) continue;
    if ((attr === 'fill' || attr === 'stroke') && !COLOR.test(value)) continue;
    props[attr] = value;
  }
  const children: VNode[] = [];
  Array.from(node.children).forEach((child, index) => {
    const built = rebuild(child, index);
    if (built) children.push(built);
  });
  return h(name, props, ...children) as VNode;
}

interface Props {
  svg: string;
  alt: string;
  /** Shown when the code cannot be drawn at all. */
  fallback: string;
}

/** The QR code as inline SVG rebuilt from an allow-list (a strict CSP blocks data: images). */
function InlineQr({ svg, alt, fallback }: Props) {
  const tree = useMemo(() => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = doc.documentElement;
    if (root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length) return null;
    return rebuild(root, 0);
  }, [svg]);
  if (!tree) return <p>{fallback}</p>;
  return (
    <div class={styles.qr} id="totp-qr" role="img" aria-label={alt}>
      {tree}
    </div>
  );
}

/**
 * The server's QR code SVG as <img src="data:image/svg+xml;base64,…"> (never innerHTML).
 * Under a CSP without `img-src data:` the image fails to load; then it is redrawn inline.
 */
export function TotpQr({ svg, alt, fallback }: Props) {
  const [blocked, setBlocked] = useState(false);
  if (blocked) return <InlineQr svg={svg} alt={alt} fallback={fallback} />;
  return (
    <img
      class={styles.qr}
      id="totp-qr"
      src={`data:image/svg+xml;base64,${base64Utf8(svg)}`}
      alt={alt}
      width={224}
      height={224}
      onError={() => setBlocked(true)}
    />
  );
}
