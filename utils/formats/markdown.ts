/**
 * Markdown for Obsidian, Notion and plain reading: notes grouped by page
 * (title linked to the page), each quote as a blockquote followed by its
 * verdict, note, sources, tags and a link back to the exact text (`#:~:text=`).
 *
 * Every page-derived or typed string is escaped, so a quote can never become
 * a link, an HTML tag, an Obsidian tag/embed or a heading in the reader's vault.
 */
import type { Annotation } from '../annotation';
import { exportTime, liveAnnotations, pageTitles, type ExportOptions, type LabelLanguage, verdictLabel } from './export-options';
import { textFragmentUrl } from './text-fragment';

const WORDS: Record<LabelLanguage, Record<'title' | 'exported' | 'notes' | 'pages' | 'verdict' | 'sources' | 'tags' | 'open', string>> = {
  en: { title: 'Factmark notes', exported: 'Exported', notes: 'notes', pages: 'pages', verdict: 'Verdict', sources: 'Sources', tags: 'Tags', open: 'Open at the exact text' },
  ko: { title: 'Factmark 노트', exported: '내보낸 날짜', notes: '개 노트', pages: '개 페이지', verdict: '판정', sources: '출처', tags: '태그', open: '원문 위치에서 보기' },
};

/** Backslash-escapes what CommonMark, GFM and Obsidian would read as markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~#$&{}]/g, '\\$&')
    .replace(/^(\s*)([-+=>])(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2')
    .replace(/^ {4,}/gm, '   ');
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}

/** One quoted paragraph per article paragraph; blank quote lines keep them apart. */
function blockquote(text: string): string {
  const paragraphs = lines(text.trim()).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return paragraphs.map((p) => `> ${escapeMarkdown(p)}`).join('\n>\n');
}

/** Typed notes keep their line breaks (two-space hard breaks) and paragraphs. */
function paragraph(text: string): string {
  return lines(text.trim())
    .map((line) => escapeMarkdown(line.trimEnd()))
    .join('  \n')
    .replace(/( {2}\n){2,}/g, '\n\n');
}

function link(label: string, url: string): string {
  return `[${escapeMarkdown(label)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/** Obsidian tags cannot hold spaces or most punctuation; letters of any script are fine. */
export function markdownTag(tag: string): string {
  const cleaned = tag.trim().replace(/\s+/g, '_').replace(/[^\p{L}\p{N}\p{M}_\-/]/gu, '');
  // Obsidian needs one non-digit; anything else stays readable as inline code.
  return cleaned && /[^\d_\-/]/u.test(cleaned) ? `#${cleaned}` : `\`${tag.replace(/`/g, "'")}\``;
}

function renderNote(annotation: Annotation, language: LabelLanguage): string {
  const w = WORDS[language];
  const parts = [blockquote(annotation.quote || '…')];
  const meta: string[] = [];
  if (annotation.verdict) meta.push(`**${w.verdict}:** ${escapeMarkdown(verdictLabel(annotation.verdict, language))}`);
  meta.push(annotation.updatedAt.slice(0, 10));
  parts.push(meta.join(' · '));
  if (annotation.comment?.trim()) parts.push(paragraph(annotation.comment));
  if (annotation.sources.length) {
    parts.push(`${w.sources}:\n${annotation.sources.map((s) => `- ${link(s, s)}`).join('\n')}`);
  }
  if (annotation.tags.length) parts.push(`${w.tags}: ${annotation.tags.map(markdownTag).join(' ')}`);
  parts.push(link(`↗ ${w.open}`, textFragmentUrl(annotation)));
  return parts.join('\n\n');
}

export function exportMarkdown(annotations: readonly Annotation[], options: ExportOptions = {}): string {
  const language = options.language ?? 'en';
  const w = WORDS[language];
  const titles = pageTitles(options.pages);
  const byPage = new Map<string, Annotation[]>();
  for (const annotation of liveAnnotations(annotations)) {
    const list = byPage.get(annotation.pageUrl);
    if (list) list.push(annotation);
    else byPage.set(annotation.pageUrl, [annotation]);
  }
  const total = [...byPage.values()].reduce((n, list) => n + list.length, 0);
  const countLine =
    language === 'ko'
      ? `${total}${w.notes} · ${byPage.size}${w.pages}`
      : `${total} ${total === 1 ? 'note' : w.notes} · ${byPage.size} ${byPage.size === 1 ? 'page' : w.pages}`;
  const out = [`# ${w.title}`, `${w.exported}: ${exportTime(options).slice(0, 10)} · ${countLine}`];
  for (const [pageUrl, notes] of byPage) {
    notes.sort((a, b) => (a.selectors.find((s) => s.type === 'TextPositionSelector')?.start ?? 0) - (b.selectors.find((s) => s.type === 'TextPositionSelector')?.start ?? 0) || a.createdAt.localeCompare(b.createdAt));
    const title = titles.get(pageUrl) ?? pageUrl;
    out.push(`## ${link(title, pageUrl)}`, `<${pageUrl.replace(/[<>\s]/g, encodeURIComponent)}>`);
    out.push(...notes.map((note) => renderNote(note, language)).flatMap((block, i) => (i ? ['---', block] : [block])));
  }
  return `${out.join('\n\n')}\n`;
}
