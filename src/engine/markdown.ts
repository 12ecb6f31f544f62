/**
 * The safe Markdown subset used in scenario text: paragraphs, bold, italic, bullet and numbered lists and
 * quotations. Parsed to a small tree the UI renders as React elements (never as HTML).
 */

/** Inline content. */
export type Inline = { type: 'text'; text: string } | { type: 'strong' | 'em'; children: Inline[] };

/** Block content. */
export type MdBlock =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; children: MdBlock[] };

/** Parses inline text: `**bold**` and `*italic*` (or `_italic_`). Unpaired markers stay as text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  let buf = '';
  const flush = () => {
    if (buf) out.push({ type: 'text', text: buf });
    buf = '';
  };
  while (i < text.length) {
    if (text.startsWith('**', i)) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    const ch = text[i];
    if ((ch === '*' || ch === '_') && text[i + 1] !== ' ' && text[i + 1] !== ch) {
      const end = text.indexOf(ch, i + 1);
      const wordBoundary = ch === '*' || !/\w/.test(text[i - 1] ?? '');
      if (end > i + 1 && wordBoundary && text[end - 1] !== ' ') {
        flush();
        out.push({ type: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    buf += ch;
    i++;
  }
  flush();
  return out;
}

const bullet = /^\s*[-*] +(.*)$/;
const numbered = /^\s*\d+[.)] +(.*)$/;

/** Parses a text field into blocks. */
export function parseMarkdown(text: string): MdBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) quoted.push(lines[i++].replace(/^\s*> ?/, ''));
      blocks.push({ type: 'quote', children: parseMarkdown(quoted.join('\n')) });
      continue;
    }
    const b = bullet.exec(line);
    const n = numbered.exec(line);
    if (b || n) {
      const re = b ? bullet : numbered;
      const items: Inline[][] = [];
      while (i < lines.length && re.test(lines[i])) {
        let item = re.exec(lines[i++])![1];
        // Continuation lines of an item are indented.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !bullet.test(lines[i]) && !numbered.test(lines[i]))
          item += ' ' + lines[i++].trim();
        items.push(parseInline(item));
      }
      blocks.push({ type: 'list', ordered: !b, items });
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i].trim() &&
      !/^\s*>/.test(lines[i]) &&
      !bullet.test(lines[i]) &&
      !numbered.test(lines[i])
    )
      para.push(lines[i++].trim());
    blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) });
  }
  return blocks;
}

/** What in a text falls outside the safe subset; empty when the text is fine. */
export function markdownProblems(text: string): string[] {
  const problems: string[] = [];
  if (/<\/?[a-zA-Z][^>]*>|<!--/.test(text)) problems.push('contains raw HTML; use the Markdown subset only');
  if (/!\[[^\]]*\]\(/.test(text)) problems.push('contains an image; images are not allowed');
  else if (/\[[^\]]+\]\([^)]*\)/.test(text)) problems.push('contains a link; links are not allowed');
  if (/^\s{0,3}#{1,6}\s/m.test(text)) problems.push('contains a heading; headings are not allowed');
  if (/^\s{0,3}(```|~~~)/m.test(text)) problems.push('contains a code block; code is not allowed');
  return problems;
}

/** Plain text of a Markdown field (for screen-reader announcements, CSV exports and search). */
export function plainText(text: string): string {
  const inline = (xs: Inline[]): string => xs.map((x) => (x.type === 'text' ? x.text : inline(x.children))).join('');
  const block = (b: MdBlock): string =>
    b.type === 'paragraph'
      ? inline(b.children)
      : b.type === 'list'
        ? b.items.map((it) => inline(it)).join('; ')
        : b.children.map(block).join(' ');
  return parseMarkdown(text).map(block).join(' ');
}
