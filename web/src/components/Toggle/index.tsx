/** A button that opens and closes the part of the page it controls (a form, a list),
 *  saying so to screen readers; `about` names what it opens when the label alone cannot. */
export function Toggle({
  id,
  controls,
  open,
  label,
  about,
  onOpen,
}: {
  id: string;
  controls: string;
  open: boolean;
  label: string;
  about?: string;
  onOpen: (open: boolean) => void;
}) {
  return (
    <button type="button" class="secondary" id={id} aria-expanded={open ? 'true' : 'false'} aria-controls={controls} onClick={() => onOpen(!open)}>
      {label}
      {about ? <span class="visually-hidden"> ({about})</span> : null}
    </button>
  );
}
