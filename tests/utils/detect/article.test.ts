// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { domPosition, extractArticle, findArticleRoot, rangeFor } from '../../../utils/detect/article';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function fixture(name: string): Document {
  return load(readFileSync(join(FIXTURES, name), 'utf8'));
}

/** Every span's text is the live node's text at the mapped offsets. */
function expectSpansMapBack(article: ReturnType<typeof extractArticle>) {
  expect(article.spans.length).toBeGreaterThan(0);
  for (const span of article.spans) {
    const piece = article.text.slice(span.start, span.end);
    if (span.offsets) {
      expect(span.offsets).toHaveLength(span.end - span.start + 1);
      expect(span.node.data.slice(span.offsets[0], span.offsets.at(-1)).normalize('NFC')).toBe(piece);
    } else {
      expect(span.node.data.slice(span.nodeStart, span.nodeStart + piece.length)).toBe(piece);
    }
  }
}

describe('findArticleRoot / extractArticle on the Korean fixture', () => {
  const doc = fixture('news-ko-grok3.html');
  const article = extractArticle(doc);

  it('finds the <article>', () => {
    expect(findArticleRoot(doc).tagName).toBe('ARTICLE');
  });

  it('keeps the headline, body and last paragraph', () => {
    expect(article.text.startsWith('머스크의 ‘그록3’ 개봉박두')).toBe(true);
    expect(article.text).toContain('엔비디아 H100 GPU 10만개를 탑재한');
    expect(article.text).toContain('비교적 적은 비용(약 500만달러)으로');
    expect(article.text).toContain('생태계를 구축할 수밖에 없는 환경이 됐다”고 했다.');
  });

  it.each([
    ['ad', '최대 50% 할인'],
    ['ad label', '광고'],
    ['sidebar', '3개월 연속'],
    ['sidebar heading', '많이 본 뉴스'],
    ['comments', '계산이 좀 이상한데요'],
    ['comment count', '댓글 3'],
    ['footer', '무단 전재'],
    ['nav', '로그인'],
    ['byline', '입력 2025.02.17'],
  ])('leaves out the %s (%s)', (_, phrase) => {
    expect(article.text).not.toContain(phrase);
  });

  it('turns blocks into paragraph breaks so sentences do not run together', () => {
    const lines = article.text.split('\n');
    expect(lines).toContain('머스크 “지구에서 가장 똑똑한 AI”');
    expect(lines.every((line) => line.length > 0 && line === line.trim())).toBe(true);
    // The paragraph before the ad and the one after it stay separate paragraphs.
    expect(article.text).toContain('아직 공개되지 않았다.\n업계에서는 그록3가');
  });

  it('is NFC with collapsed whitespace', () => {
    expect(article.text.normalize('NFC')).toBe(article.text);
    expect(article.text).not.toMatch(/ {2}|\t| \n|\n /);
  });

  it('maps every span back to its live text node', () => {
    expectSpansMapBack(article);
    const start = article.text.indexOf('10만개');
    const range = rangeFor(article, start, start + '10만개'.length)!;
    expect(range.toString()).toBe('10만개');
    expect(doc.querySelector('article')!.contains(range.startContainer)).toBe(true);
  });
});

describe('extractArticle on the English fixture', () => {
  const doc = fixture('news-en-datacenter.html');
  const article = extractArticle(doc);

  it('keeps the body, the blockquote and the table as rows', () => {
    expect(article.text).toContain('built from 48,000 of its own accelerators');
    expect(article.text).toContain('"Nobody else can train a trillion-parameter model');
    expect(article.text).toContain('Halcyon\t48,000\t2.4');
    expect(article.text).toContain('300 megawatts of power.');
  });

  it.each(['Cancel anytime', 'unlimited access', 'Subscribe', 'Markets', 'Sample content for testing', 'By Staff Reporter'])(
    'leaves out %s',
    (phrase) => expect(article.text).not.toContain(phrase),
  );

  it('maps spans back, including ranges that cross inline elements', () => {
    expectSpansMapBack(article);
    const quote = 'the fastest AI training system in the world.';
    const start = article.text.indexOf(quote);
    expect(rangeFor(article, start, start + quote.length)!.toString()).toBe(quote);
  });
});

describe('extractArticle on hand-made pages', () => {
  it('picks the text-heavy block over navigation and link lists', () => {
    const doc = load(`<body><div class="menu"><a href="#">Home</a> <a href="#">World</a></div>
      <div id="story-body"><p>The council approved a budget of 4.2 billion won on Tuesday, officials said, after a long debate.</p>
      <p>Spending on schools rises 12 percent, while roads get less than last year, according to the plan.</p></div>
      <ul class="links"><li><a href="#">Another story with a long enough headline to count</a></li></ul></body>`);
    expect(findArticleRoot(doc).id).toBe('story-body');
    expect(extractArticle(doc).text).toBe(
      'The council approved a budget of 4.2 billion won on Tuesday, officials said, after a long debate.\nSpending on schools rises 12 percent, while roads get less than last year, according to the plan.',
    );
  });

  it('drops hidden, labelled-ad and related-list blocks inside the article', () => {
    const doc = load(`<article><p>First paragraph with enough words to be the body, really.</p>
      <div hidden>hidden 99%</div><div style="display: none">also hidden</div>
      <div class="article_ad">banner 12%</div><p>Advertisement · Buy now for $5</p>
      <div class="related-news"><a href="#">Related 7 things</a></div>
      <p>Second paragraph, still the body.</p></article>`);
    expect(extractArticle(doc).text).toBe('First paragraph with enough words to be the body, really.\nSecond paragraph, still the body.');
  });

  it('leaves out blocks named by data attributes (byline, links, tags) and one-line promos inside the body', () => {
    const doc = load(`<main><article><h1>UK inflation falls to 2.2%</h1>
      <div data-component="byline-block"><span>A Reporter</span><span>Economics editor</span><time>14 August 2024</time></div>
      <div data-component="text-block"><p>UK inflation fell to 2.2% in the year to July, down from 2.3% in June, the ONS said.</p></div>
      <div data-component="links-block"><p><b>Read more:</b> <a href="#">What is inflation and why does it matter?</a></p></div>
      <p><b>Read more:</b> <a href="#">Interest rates cut to 5% in first fall since 2020</a></p>
      <p>▶ <a href="#">관련기사: 금리 0.25%p 인하</a></p>
      <div data-testid="related-topics"><a href="#">Inflation</a></div>
      <div data-component="text-block"><p>Services inflation fell sharply to 5.2% from 5.7%, figures showed.</p></div>
      <p>Read more about the data in the ONS release, which covers 700 items in a basket of goods and services.</p>
      </article></main>`);
    expect(extractArticle(doc).text).toBe(
      [
        'UK inflation falls to 2.2%',
        'UK inflation fell to 2.2% in the year to July, down from 2.3% in June, the ONS said.',
        'Services inflation fell sharply to 5.2% from 5.7%, figures showed.',
        // A sentence that starts like a promo but is prose (no links) stays.
        'Read more about the data in the ONS release, which covers 700 items in a basket of goods and services.',
      ].join('\n'),
    );
  });

  it('reads a portal layout: body text directly in <article> with <br> breaks, related links and reporter box left out', () => {
    const doc = load(`<body><div id="header"><a href="#">뉴스홈</a> <a href="#">정치</a></div>
      <div id="ct"><div class="media_end_head"><h2>반도체 수출 3개월 연속 증가</h2></div>
      <div id="newsct_article"><article id="dic_area">
      산업통상자원부는 지난달 반도체 수출이 120억달러로 전년 동월 대비 15% 증가했다고 1일 밝혔다. 석 달 연속 증가세다.<br><br>
      다만 중국의 수요 둔화는 변수로 꼽힌다.</article></div>
      <div class="reporter_area">홍길동 기자 구독자 1,234명</div>
      <div class="media_end_list"><ul><li><a href="#">관련 기사: 수출 통계 2월 발표 예정입니다</a></li><li><a href="#">또 다른 기사</a></li></ul></div>
      </div></body>`);
    expect(extractArticle(doc).text).toBe(
      '산업통상자원부는 지난달 반도체 수출이 120억달러로 전년 동월 대비 15% 증가했다고 1일 밝혔다. 석 달 연속 증가세다.\n다만 중국의 수요 둔화는 변수로 꼽힌다.',
    );
  });

  it('collapses whitespace and maps text across inline markup and <br>', () => {
    const doc = load('<article><p>  Revenue   rose <b>62%</b>\n  to <i>$14.2 billion</i>.<br>Next   line.</p></article>');
    const article = extractArticle(doc);
    expect(article.text).toBe('Revenue rose 62% to $14.2 billion.\nNext line.');
    expectSpansMapBack(article);
    const at = article.text.indexOf('rose');
    const position = domPosition(article, at)!;
    expect(position.node.data.slice(position.offset, position.offset + 4)).toBe('rose');
    expect(rangeFor(article, article.text.indexOf('62%'), article.text.indexOf(' billion'))!.toString()).toBe('62%\n  to $14.2');
  });

  it('normalises decomposed Hangul to NFC and still maps offsets to the node', () => {
    const decomposed = '매출 500만달러'.normalize('NFD');
    const doc = load(`<article><p>${decomposed} 증가</p></article>`);
    const article = extractArticle(doc);
    expect(article.text).toBe('매출 500만달러 증가');
    expectSpansMapBack(article);
    const start = article.text.indexOf('500만달러');
    expect(rangeFor(article, start, start + '500만달러'.length)!.toString().normalize('NFC')).toBe('500만달러');
  });
  it('maps a node the same way whether it is read whole, a word at a time or a character at a time', () => {
    // "\u0301" forces the per-character (NFC) path; double spaces and tabs force the word-at-a-time path;
    // plain single-spaced text with edge whitespace takes the whole-node path. All must agree.
    const body = ['  Revenue rose to 62 percent ', 'Revenue  rose\tto 62 percent ', 'Revenue rose to 62 percent\u0301 '];
    const doc = load(`<article>${body.map((text) => `<p>${text}<b>x</b> y</p>`).join('')}</article>`);
    const article = extractArticle(doc);
    expect(article.text).toBe('Revenue rose to 62 percent x y\nRevenue rose to 62 percent x y\nRevenue rose to 62 percent\u0301 x y'.normalize('NFC'));
    expectSpansMapBack(article);
    const [whole, byRun, byCluster] = doc.querySelectorAll('p');
    const spansOf = (p: Element) => article.spans.filter((s) => s.node === p.firstChild).map((s) => [s.start - article.spans.find((t) => t.node === p.firstChild)!.start, s.end - s.start]);
    expect(spansOf(whole)).toEqual([[0, 26]]);
    expect(spansOf(byRun)).toEqual([[0, 7], [8, 4], [13, 13]]);
    expect(spansOf(byCluster)).toEqual([[0, 27]]); // t + U+0301 has no precomposed form
    expect(article.spans.find((s) => s.node === whole.firstChild)!.nodeStart).toBe(2);
  });
});
