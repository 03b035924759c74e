import type { ComponentChildren } from 'preact';

interface Props {
  id?: string;
  /** Classes beside "data cards" (what the end-to-end tests find the table by). */
  class?: string;
  /** The id of the heading that names the table. */
  labelledBy?: string;
  /** Set while the rows are being asked again. */
  busy?: boolean;
  caption?: ComponentChildren;
  /** The column headings; each cell repeats its heading in data-label for the cards. */
  columns: readonly string[];
  /** The rows. */
  children: ComponentChildren;
}

/** A data table that becomes one card per row on a phone, scrolling sideways if it must. */
export function CardTable({
  id,
  class: className,
  labelledBy,
  busy,
  caption,
  columns,
  children,
}: Props) {
  return (
    <div class="table-wrap">
      <table
        class={className ? `data cards ${className}` : 'data cards'}
        id={id}
        aria-labelledby={labelledBy}
        aria-busy={busy === undefined ? undefined : busy ? 'true' : 'false'}
      >
        {caption}
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
