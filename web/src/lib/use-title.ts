import { useEffect } from 'preact/hooks';

/** Sets the document title to "<page> — antq" while the page is shown. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} — antq` : 'antq';
  }, [title]);
}
