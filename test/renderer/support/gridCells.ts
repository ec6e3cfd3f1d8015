// What a grid cell shows, read as an officer sees it: a one-line cell holds its text itself;
// the tree column, wrapped texts and a cell showing a message keep it in a span beside the
// chevron, the editor or the message.

export function shownText(cell: Element): string {
  const span = cell.querySelector('.dg-text');
  if (span) return span.textContent ?? '';
  return [...cell.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent)
    .join('');
}
