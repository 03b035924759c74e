import type { ComponentChildren } from 'preact';

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

/** A Toggle in a row of actions, and below it the slot #{slot} it opens: holding `children`
 *  (the form) while open, there all along so that aria-controls points at it. */
export function ToggleSlot({
  id,
  slot,
  open,
  label,
  onOpen,
  children,
}: {
  id: string;
  slot: string;
  open: boolean;
  label: string;
  onOpen: (open: boolean) => void;
  children: ComponentChildren;
}) {
  return (
    <>
      <p class="actions">
        <Toggle id={id} controls={slot} open={open} label={label} onOpen={onOpen} />
      </p>
      <div id={slot}>{open ? children : null}</div>
    </>
  );
}
