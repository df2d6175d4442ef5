// A soft shadow at the right edge while more columns are hidden: the white cover scrolls with the
// content (`local`) and uncovers the shadow (`scroll`) only when the table is wider than its box.
const SCROLL_HINT: React.CSSProperties = {
  backgroundImage:
    'linear-gradient(to left, white 30%, rgb(255 255 255 / 0)), radial-gradient(farthest-side at 100% 50%, rgb(15 23 42 / 0.14), transparent)',
  backgroundPosition: '100% 0, 100% 0',
  backgroundRepeat: 'no-repeat',
  backgroundSize: '3rem 100%, 1rem 100%',
  backgroundAttachment: 'local, scroll',
};

/**
 * A data table that, on a phone, scrolls inside its own box instead of widening the page. The box is focusable
 * for keyboard scrolling, and relative so screen-reader-only text inside is clipped by it too.
 */
export function ScrollableTable(props: {
  id: string;
  caption: string;
  minWidthClass: string;
  children: React.ReactNode;
}) {
  return (
    <div
      role="region"
      aria-labelledby={`${props.id}-caption`}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      style={SCROLL_HINT}
    >
      <table className={`w-full ${props.minWidthClass} border-collapse text-sm`}>
        <caption id={`${props.id}-caption`} className="sr-only">
          {props.caption}
        </caption>
        {props.children}
      </table>
    </div>
  );
}

/** The cell padding of every data table. */
export const TABLE_CELL = 'px-4 py-3 align-top';

const HEADER_CELL =
  'whitespace-nowrap px-4 py-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600';

/** The header row; transparent on phones so the scroll hint shows along the whole right edge. */
export function TableHead({ children }: { children: React.ReactNode }) {
  return (
    <thead className="border-b border-slate-200 sm:bg-slate-50">
      <tr>{children}</tr>
    </thead>
  );
}

export function ColumnHeader(props: { children: React.ReactNode; className?: string; title?: string }) {
  return (
    <th scope="col" className={props.className ? `${HEADER_CELL} ${props.className}` : HEADER_CELL} title={props.title}>
      {props.children}
    </th>
  );
}

/** Plain column headers, one per label. */
export function ColumnHeaders({ labels }: { labels: string[] }) {
  return labels.map((label) => <ColumnHeader key={label}>{label}</ColumnHeader>);
}
