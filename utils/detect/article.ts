/**
 * Article text extraction over the live DOM.
 *
 * `findArticleRoot` scores the page's blocks the way Readability does (text
 * length, commas and sentence ends, class/id hints, link density) but reads
 * the live DOM instead of a clone, so its nodes are the page's own nodes and
 * highlights can be drawn on them. `extractArticle` walks the root, skips
 * boilerplate inside it (ads, promos, related/most-read lists, comments,
 * share bars, bylines, hidden elements), collapses whitespace as a browser
 * renders it, and turns block boundaries into "\n" so that sentences never
 * run together across paragraphs. The text is NFC; every span maps a live
 * Text node to its UTF-16 range in `text`.
 *
 * Bylines and datelines are dropped on purpose: "입력 2025.02.17 09:00" is page
 * furniture, not a figure the article claims.
 */

export interface TextNodeSpan {
  node: Text;
  start: number; // offset of the span's first character in `text`
  end: number;
  /** Offset in `node.data` where the span begins (whitespace trimmed off the front). */
  nodeStart: number;
  /**
   * Node offsets for text offsets start..end (end - start + 1 entries), present only
   * when the mapping is not linear (collapsed whitespace, NFC composition).
   */
  offsets?: number[];
}

export interface ArticleText {
  root: Element;
  text: string;
  spans: TextNodeSpan[];
}

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA',
  'INPUT', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SVG', 'MATH', 'INS', 'DIALOG', 'MENU', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG',
]);

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION',
]);

const SKIPPED_ROLES = /^(?:navigation|complementary|contentinfo|banner|search|dialog|alertdialog|menu|menubar|toolbar|tablist)$/;

/** Class/id words of boilerplate, matched as whole parts of names like `article_ad`, `most-read`. */
const BOILERPLATE =
  /(?:^|[\s_-])(?:ads?|adv|advert\w*|adsense|dfp|gpt-ad|banner|promos?|promotion|promoted|sponsor\w*|partner|related|linked|recommend\w*|links|popular|most(?:-?(?:read|viewed|popular|shared))?|ranking|trending|comments?|reply|replies|disqus|share|sharing|social|sns|newsletter|subscribe|subscription|paywall|byline|author|reporter|journalist|dateline|date|time|timestamp|published|updated|meta|tags?|keywords|breadcrumbs?|toolbar|widget|outbrain|taboola|footer|sidebar|side|nav|navigation|menu|modal|popup|cookie|consent|copyright|hidden|sr-only|visually-hidden|print-only|skip)(?:$|[\s_-])/i;

/** An ad that announces itself in its first words ("광고 · 지금 가입하면…", "Advertisement"). */
const AD_LABEL = /^\s*(?:광고|AD|Ad|Advertisement|ADVERTISEMENT|Sponsored|SPONSORED|Sponsor|스폰서|협찬|PR)(?:\s*[·:|∙•\-–—]|\s*$|\s+(?=\S))/;
const AD_LABEL_MAX = 300;

const PROMO_LABEL = /^\s*(?:read more|read also|also read|see also|related|more on this|recommended|watch|listen|관련\s?기사|함께\s?보면|추천\s?기사|많이\s?본|▶|☞|\[관련)/i;
const PROMO_LINE_MAX = 300;

const POSITIVE_HINT = /article|body|content|entry|main|post|story|text|news|본문|기사|view|detail|read/i;
const NEGATIVE_HINT = BOILERPLATE;

function hintWeight(element: Element): number {
  let weight = 0;
  for (const name of [element.className, element.id]) {
    if (typeof name !== 'string' || !name) continue;
    if (NEGATIVE_HINT.test(name)) weight -= 25;
    if (POSITIVE_HINT.test(name)) weight += 25;
  }
  if (element.getAttribute('itemprop') === 'articleBody') weight += 50;
  if (element.getAttribute('role') === 'main' || element.tagName === 'MAIN') weight += 10;
  if (element.tagName === 'ARTICLE') weight += 15;
  return weight;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'DIV': case 'ARTICLE': case 'SECTION': case 'MAIN': return 5;
    case 'PRE': case 'TD': case 'BLOCKQUOTE': return 3;
    case 'ADDRESS': case 'OL': case 'UL': case 'DL': case 'DD': case 'DT': case 'LI': case 'FORM': return -3;
    case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': case 'TH': return -5;
    default: return 0;
  }
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Elements whose whole subtree is left out of the article text. */
function isExcluded(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag)) return true;
  if (isHidden(element)) return true;
  const role = element.getAttribute('role');
  if (role && SKIPPED_ROLES.test(role)) return true;
  for (const name of [element.className, element.id]) {
    if (typeof name === 'string' && name && BOILERPLATE.test(name)) return true;
  }
  if (element.hasAttribute('data-ad') || element.hasAttribute('data-ad-slot')) return true;
  // Component names some sites use instead of classes (`data-component="byline-block"`, `data-testid="related-links"`).
  const component = element.getAttribute('data-component') ?? element.getAttribute('data-testid');
  return !!component && BOILERPLATE.test(component);
}

/** A one-line promo inside the article ("Read more: …", "▶ 관련기사 …"): a label, then mostly link text. */
function isPromoLine(element: Element): boolean {
  const first = firstText(element);
  if (!first || !PROMO_LABEL.test(first)) return false;
  if ((element.textContent?.length ?? 0) > PROMO_LINE_MAX) return false;
  return element.getElementsByTagName('a').length > 0 && linkDensity(element) > 0.4;
}

/** Whether a block element is an ad that labels itself. Looks at the first text only. */
function isLabelledAd(element: Element): boolean {
  const first = firstText(element);
  if (!first || !AD_LABEL.test(first)) return false;
  return (element.textContent?.length ?? 0) <= AD_LABEL_MAX;
}

const LINK_LIST_TAGS = new Set(['UL', 'OL', 'DIV', 'SECTION', 'TABLE', 'DL']);

/** A list of links (related stories, tags, "more from"): most of its text is link text. */
function isLinkList(element: Element): boolean {
  if (!LINK_LIST_TAGS.has(element.tagName.toUpperCase())) return false;
  const links = element.getElementsByTagName('a');
  if (links.length < 2) return false;
  return linkDensity(element) > 0.6;
}

function firstText(element: Element): string | undefined {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) {
      if ((node as Text).data.trim()) return (node as Text).data;
    } else if (node.nodeType === 1) {
      const inner = firstText(node as Element);
      if (inner !== undefined) return inner;
    }
  }
  return undefined;
}

/** Text of an element's own inline content (child blocks not included). */
function ownText(element: Element): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1 && !BLOCK_TAGS.has((node as Element).tagName.toUpperCase()) && !isExcluded(node as Element)) {
      text += (node as Element).textContent ?? '';
    }
  }
  return text;
}

function linkDensity(element: Element): number {
  const length = collapsedLength(element.textContent ?? '');
  if (!length) return 0;
  let links = 0;
  for (const a of element.querySelectorAll('a')) links += collapsedLength(a.textContent ?? '');
  return Math.min(1, links / length);
}

/** Sentence punctuation; whitespace after it counts the same collapsed or not. */
const PUNCTUATION = /[,，、]|[.!?。](?=\s|$)|다\.|[”"]/g;
const EXTRA_WHITESPACE = /\s{2,}/g;

/** `text.replace(/\s+/g, ' ')` (then `.trim()` if `trim`), measured without building it. */
function collapsedLength(text: string, trim = false): number {
  let length = text.length;
  EXTRA_WHITESPACE.lastIndex = 0;
  for (let match = EXTRA_WHITESPACE.exec(text); match; match = EXTRA_WHITESPACE.exec(text)) length -= match[0].length - 1;
  if (trim && length) {
    if (/^\s/.test(text)) length--;
    if (length && /\s$/.test(text)) length--;
  }
  return length;
}

const PARAGRAPH_SELECTOR = 'p, pre, blockquote, td, div, li, dd, article, section';
const MIN_PARAGRAPH = 25;

/** Finds the element that holds the article body. Falls back to <body>. */
export function findArticleRoot(doc: Document): Element {
  const body = doc.body ?? doc.documentElement;
  const scores = new Map<Element, number>();
  const credit = (element: Element | null, amount: number) => {
    if (!element || element === doc.documentElement) return;
    if (!scores.has(element)) scores.set(element, tagWeight(element.tagName.toUpperCase()) + hintWeight(element));
    scores.set(element, scores.get(element)! + amount);
  };
  // Paragraphs share ancestors: each element's "inside something excluded" answer is worked out once.
  const excludedWithin = new Map<Element, boolean>();
  const excludedUpToBody = (element: Element): boolean => {
    if (element === body) return false;
    let excluded = excludedWithin.get(element);
    if (excluded === undefined) {
      const parent = element.parentElement;
      excluded = isExcluded(element) || (parent ? excludedUpToBody(parent) : false);
      excludedWithin.set(element, excluded);
    }
    return excluded;
  };
  for (const paragraph of body.querySelectorAll(PARAGRAPH_SELECTOR)) {
    if (excludedUpToBody(paragraph)) continue;
    // Length and punctuation as of the collapsed, trimmed text, read off the raw text without building it.
    const text = ownText(paragraph);
    const length = collapsedLength(text, true);
    if (length < MIN_PARAGRAPH) continue;
    // Commas and sentence ends: Korean prose uses fewer commas than English, so count both.
    let punctuation = 0;
    for (PUNCTUATION.lastIndex = 0; PUNCTUATION.test(text); ) punctuation++;
    const amount = 1 + punctuation + Math.min(Math.floor(length / 100), 3);
    const parent = paragraph.parentElement;
    const grandparent = parent?.parentElement ?? null;
    credit(parent, amount);
    credit(grandparent, amount / 2);
    credit(grandparent?.parentElement ?? null, amount / 3);
  }
  // Link density walks an element's whole subtree, so it is read only for elements that could still win:
  // a score can only shrink towards 0 by it, so anything whose ceiling is below the highest raw score's
  // adjusted value is out. Same winner (first of equals, in scoring order) as adjusting every element.
  const ceiling = (score: number) => Math.max(score, 0);
  let top: Element | undefined;
  for (const [element, score] of scores) if (!top || score > scores.get(top)!) top = element;
  const floor = top ? scores.get(top)! * (1 - linkDensity(top)) : -Infinity;
  let best: Element | undefined;
  let bestScore = -Infinity;
  for (const [element, score] of scores) {
    if (ceiling(score) < floor || ceiling(score) <= bestScore) continue;
    const adjusted = element === top ? floor : score * (1 - linkDensity(element));
    if (adjusted > bestScore) {
      best = element;
      bestScore = adjusted;
    }
  }
  if (!best) return body;
  // The scored parent is often a wrapper inside <article>, which also holds the headline.
  const article = best.closest('article, [itemprop="articleBody"]');
  if (article && article !== best && depthBetween(article, best) <= 3) return article;
  return best;
}

function depthBetween(ancestor: Element, descendant: Element): number {
  let depth = 0;
  for (let current: Element | null = descendant; current && current !== ancestor; current = current.parentElement) depth++;
  return depth;
}

const WHITESPACE = /[\t\n\f\r ]/;
/** Characters that NFC may merge into the character before them. */
const COMBINING = /[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/u;
/**
 * Text that needs the per-character path: a surrogate or a character NFC may merge
 * into the one before it. Everything else (ASCII, precomposed Hangul, most prose)
 * maps one to one, so whole words are copied at once.
 */
const NEEDS_CLUSTERS = /[\uD800-\uDFFF\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/u;
/** NEEDS_CLUSTERS.test, with Latin, precomposed Hangul and general punctuation (most news text) answered by a plain loop. */
function needsClusters(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (code < 0x300 || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x2000 && code <= 0x206f)) continue;
    return NEEDS_CLUSTERS.test(data.slice(i));
  }
  return false;
}
/** Whitespace inside a run of words that does not map one to one (collapses, or is not a plain space). */
const IRREGULAR_SPACE = /[\t\n\f\r]| {2}/;
/** Runs of collapsible whitespace, or of anything else. */
const WHITESPACE_OR_WORD = /[\t\n\f\r ]+|[^\t\n\f\r ]+/g;

class TextBuilder {
  /** The text so far, in pieces (joined once at the end: appending to and trimming one string re-flattens it). */
  private parts: string[] = [];
  length = 0;
  private lastChar = '';
  spans: TextNodeSpan[] = [];
  /** What goes between the text so far and the next visible character ('' | ' ' | '\t' | '\n'). */
  private pending = '';

  get text(): string {
    const joined = this.parts.join('');
    this.parts = joined ? [joined] : [];
    return joined;
  }

  private append(piece: string): void {
    this.parts.push(piece);
    this.length += piece.length;
    this.lastChar = piece[piece.length - 1];
  }

  breakParagraph(): void {
    this.trimTrailingSpace();
    if (this.length) this.pending = '\n';
  }

  separator(value: string): void {
    if (this.length && this.pending !== '\n') {
      this.trimTrailingSpace();
      this.pending = value;
    }
  }

  private trimTrailingSpace(): void {
    if (this.lastChar !== ' ') return;
    const last = this.spans[this.spans.length - 1];
    if (last && last.end === this.length) {
      last.end--;
      last.offsets?.pop();
      if (last.end === last.start) this.spans.pop();
    }
    const piece = this.parts.pop()!;
    if (piece.length > 1) this.parts.push(piece.slice(0, -1));
    this.length--;
    const before = this.parts[this.parts.length - 1];
    this.lastChar = before ? before[before.length - 1] : '';
  }

  addNode(node: Text): void {
    const data = node.data;
    if (needsClusters(data)) this.addNodeByCluster(node);
    else if (!this.addNodeWhole(node, data)) this.addNodeByRun(node);
  }

  /**
   * The common case, one span for the whole node: words separated by single spaces, whitespace only
   * at the ends (where it collapses into a separator). Returns false, having done nothing, otherwise.
   */
  private addNodeWhole(node: Text, data: string): boolean {
    let first = 0;
    let last = data.length - 1;
    while (first <= last && WHITESPACE.test(data[first])) first++;
    if (first > last) return false;
    while (WHITESPACE.test(data[last])) last--;
    const words = first === 0 && last === data.length - 1 ? data : data.slice(first, last + 1);
    if (IRREGULAR_SPACE.test(words)) return false;
    if (first > 0 && this.length && !this.pending) this.pending = ' ';
    if (this.pending) {
      this.append(this.pending);
      this.pending = '';
    }
    const start = this.length;
    this.append(words);
    this.spans.push({ node, start, end: this.length, nodeStart: first });
    if (last < data.length - 1) this.pending = ' ';
    return true;
  }

  /** addNodeByCluster for text where every character maps to itself: same output, a word at a time. */
  private addNodeByRun(node: Text): void {
    const data = node.data;
    let span: TextNodeSpan | undefined;
    WHITESPACE_OR_WORD.lastIndex = 0;
    for (let match = WHITESPACE_OR_WORD.exec(data); match; match = WHITESPACE_OR_WORD.exec(data)) {
      const run = match[0];
      const i = match.index;
      const j = i + run.length;
      if (WHITESPACE.test(run[0])) {
        if (span && run === ' ' && j < data.length) {
          this.append(' ');
          span.end = this.length;
        } else {
          span = undefined;
          if (this.length && !this.pending) this.pending = ' ';
        }
        continue;
      }
      if (this.pending) {
        span = undefined;
        this.append(this.pending);
        this.pending = '';
      }
      if (!span) {
        span = { node, start: this.length, end: this.length, nodeStart: i };
        this.spans.push(span);
      }
      this.append(run);
      span.end = this.length;
    }
  }

  private addNodeByCluster(node: Text): void {
    const data = node.data;
    let span: TextNodeSpan | undefined;
    let nodeEnd = 0; // node offset just after the last character mapped into `span`
    const close = () => {
      if (span?.offsets) span.offsets.push(nodeEnd);
      span = undefined;
    };
    let i = 0;
    while (i < data.length) {
      const c = data[i];
      if (WHITESPACE.test(c)) {
        let j = i + 1;
        while (j < data.length && WHITESPACE.test(data[j])) j++;
        if (span && j - i === 1 && c === ' ' && j < data.length) {
          // A lone space between words of one node stays mapped: most spans stay linear.
          span.offsets?.push(i);
          this.append(' ');
          span.end = this.length;
          nodeEnd = j;
        } else {
          close();
          if (this.length && !this.pending) this.pending = ' ';
        }
        i = j;
        continue;
      }
      if (this.pending) {
        close();
        this.append(this.pending);
        this.pending = '';
      }
      let j = i + 1;
      if (c >= '\uD800' && c <= '\uDBFF' && j < data.length) j++; // surrogate pair
      while (j < data.length && COMBINING.test(data[j])) j++;
      const cluster = j - i === 1 ? c : data.slice(i, j).normalize('NFC');
      if (!span) {
        span = { node, start: this.length, end: this.length, nodeStart: i };
        this.spans.push(span);
      }
      if (cluster.length !== j - i && !span.offsets) {
        span.offsets = [];
        for (let k = 0; k < span.end - span.start; k++) span.offsets.push(span.nodeStart + k);
      }
      if (span.offsets) for (let k = 0; k < cluster.length; k++) span.offsets.push(k === 0 ? i : j);
      this.append(cluster);
      span.end = this.length;
      nodeEnd = j;
      i = j;
    }
    close();
  }
}

export function extractArticle(doc: Document, root: Element = findArticleRoot(doc)): ArticleText {
  const builder = new TextBuilder();
  const visit = (element: Element) => {
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        builder.addNode(node as Text);
        continue;
      }
      if (node.nodeType !== 1) continue;
      const child = node as Element;
      const tag = child.tagName.toUpperCase();
      if (tag === 'BR') {
        builder.breakParagraph();
        continue;
      }
      if (isExcluded(child) && !(child === root)) continue;
      if (tag === 'HEADER' && !child.closest('article')) continue; // the site's header, not the article's
      const block = BLOCK_TAGS.has(tag);
      if (block && (isLabelledAd(child) || isLinkList(child) || isPromoLine(child))) continue;
      if (block) builder.breakParagraph();
      else if (tag === 'TD' || tag === 'TH') builder.separator('\t');
      visit(child);
      if (block) builder.breakParagraph();
    }
  };
  visit(root);
  builder.breakParagraph();
  return { root, text: builder.text, spans: builder.spans };
}

/** The live DOM position of a text offset (a span boundary resolves to the span it starts). */
export function domPosition(article: ArticleText, offset: number): { node: Text; offset: number } | undefined {
  const spans = article.spans;
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid];
    if (offset < span.start) high = mid - 1;
    else if (offset > span.end) low = mid + 1;
    else if (offset === span.end && mid + 1 < spans.length && spans[mid + 1].start === offset) low = mid + 1;
    else {
      const relative = offset - span.start;
      const nodeOffset = span.offsets ? span.offsets[relative] : span.nodeStart + relative;
      return { node: span.node, offset: nodeOffset };
    }
  }
  // Offsets on an unmapped separator ("\n", a collapsed space) resolve to the next span's start.
  const next = spans[low];
  return next ? { node: next.node, offset: next.offsets ? next.offsets[0] : next.nodeStart } : undefined;
}

/** A live Range over text offsets [start, end), for highlights. */
export function rangeFor(article: ArticleText, start: number, end: number): Range | undefined {
  const from = domPosition(article, start);
  const to = endPosition(article, end);
  if (!from || !to) return undefined;
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Like domPosition, but an offset on a span boundary resolves to the end of the span before it. */
function endPosition(article: ArticleText, offset: number): { node: Text; offset: number } | undefined {
  const spans = article.spans;
  for (let low = 0, high = spans.length - 1; low <= high; ) {
    const mid = (low + high) >> 1;
    const span = spans[mid];
    if (offset <= span.start && !(offset === span.start && span.start === span.end)) high = mid - 1;
    else if (offset > span.end) low = mid + 1;
    else {
      const relative = offset - span.start;
      return { node: span.node, offset: span.offsets ? span.offsets[relative] : span.nodeStart + relative };
    }
  }
  return domPosition(article, offset);
}
