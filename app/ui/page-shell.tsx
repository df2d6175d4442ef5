/** A top-level page: its title, one line on what it answers, then its content. */
export function PageShell(props: {
  /** Names the heading, `${id}-heading`, which labels the page's section. */
  id: string;
  title: string;
  description: React.ReactNode;
  /** Keeps a long description to a readable line length. */
  proseDescription?: boolean;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${props.id}-heading`} className={props.className ?? 'space-y-4'}>
      <div>
        <h1 id={`${props.id}-heading`} className="text-2xl font-semibold tracking-tight">
          {props.title}
        </h1>
        <p className={`mt-1 text-sm text-slate-600${props.proseDescription ? ' max-w-prose' : ''}`}>
          {props.description}
        </p>
      </div>
      {props.children}
    </section>
  );
}
