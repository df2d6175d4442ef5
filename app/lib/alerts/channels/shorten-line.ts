/**
 * One line of at most `max` characters: line breaks and runs of spaces become one space (a name with a line break
 * must not start a new header line or a new paragraph), and a longer text ends in "…".
 */
export function shortenLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  let cut = line.slice(0, max - 1);
  // A cut between the two halves of a surrogate pair would leave half a character.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
