import { urlBreakPieces } from './url-break-points';

/** A URL that wraps at sensible points; a piece still too long for the line breaks anywhere rather than overflow. */
export function BreakableUrl({ url }: { url: string }) {
  return (
    <span className="wrap-anywhere">
      {urlBreakPieces(url).map((piece, index) => (
        <span key={index}>
          {index > 0 ? <wbr /> : null}
          {piece}
        </span>
      ))}
    </span>
  );
}
