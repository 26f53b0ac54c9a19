/**
 * Article text extraction over the live DOM. The text is NFC and every offset
 * maps back to a Text node, so highlights can be drawn on the page itself.
 * (First version: the detection issue replaces the root finder with a scorer.)
 */

export interface TextNodeSpan {
  node: Text;
  start: number; // offset of the node's first character in `text`
  end: number;
}

export interface ArticleText {
  root: Element;
  text: string;
  spans: TextNodeSpan[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM', 'BUTTON', 'svg']);

export function findArticleRoot(doc: Document): Element {
  return doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
}

export function extractArticle(doc: Document, root: Element = findArticleRoot(doc)): ArticleText {
  const spans: TextNodeSpan[] = [];
  let text = '';
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.parentElement?.closest([...SKIP].join(','))?.contains(root) === false) continue;
    const value = node.data.normalize('NFC');
    if (!value) continue;
    spans.push({ node, start: text.length, end: text.length + value.length });
    text += value;
  }
  return { root, text, spans };
}
