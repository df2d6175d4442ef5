import Link from 'next/link';

/**
 * A row of links that each choose one value (the page's state lives in its URL, so every choice can be bookmarked);
 * the chosen one is marked with aria-current for screen readers and a filled style for everyone else.
 */
export function ChoiceLinks(props: { label: string; choices: { href: string; label: string; current: boolean }[] }) {
  return (
    <nav aria-label={props.label} className="flex flex-wrap items-center gap-2">
      <span className="text-sm text-slate-700" aria-hidden>
        {props.label}:
      </span>
      <ul className="inline-flex flex-wrap gap-1 rounded-lg border border-slate-200 bg-white p-1 shadow-sm">
        {props.choices.map((choice) => (
          <li key={choice.href}>
            <Link
              href={choice.href}
              aria-current={choice.current ? 'true' : undefined}
              className={`block whitespace-nowrap rounded-md px-3 py-1 text-sm font-medium ${
                choice.current ? 'bg-brand-600 text-white' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'
              }`}
            >
              {choice.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
