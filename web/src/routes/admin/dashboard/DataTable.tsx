import type { ReactNode } from 'react';

/**
 * A table of figures that scrolls sideways on a narrow screen; the scrolling region can take
 * focus (so keyboard users can scroll it) and is named by the table's caption.
 */
export function DataTable({
  id,
  caption,
  headers,
  rows,
}: {
  id: string;
  caption: string;
  headers: string[];
  rows: ReactNode[][];
}) {
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="nhsuk-table" id={id}>
        <caption className="nhsuk-table__caption nhsuk-table__caption--s" id={`${id}-caption`}>
          {caption}
        </caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {headers.map((h, i) => (
              <th
                key={h}
                scope="col"
                className={`nhsuk-table__header${i > 0 ? ' nhsuk-table__header--numeric' : ''}`}
              >
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row, r) => (
            <tr key={r} className="nhsuk-table__row">
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row" className="nhsuk-table__header">
                    {cell}
                  </th>
                ) : (
                  <td key={c} className="nhsuk-table__cell nhsuk-table__cell--numeric">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
