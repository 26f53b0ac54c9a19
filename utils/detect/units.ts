/**
 * The unit table: what may follow (or, for currency symbols, precede) a number, and
 * how it normalises. Money → ISO 4217; quantities → a base unit with the prefix
 * applied (60페타플롭스 → 6e16 FLOP/s); percent, percentage points, multiples;
 * Korean counters (개, 명, 대 …) for counts.
 *
 * Base units: FLOP/s, B (bytes), bit, B/s, bit/s, W, Wh, Hz, m, m², L, g, km/h, °C.
 */
import type { FigureKind } from './types';
import { isDigit, isHangul, isLatin, isSpace } from './digits';

export interface UnitDef {
  kind: FigureKind;
  unit: string | null;
  /** Multiply the number by this to get the base unit. */
  factor: number;
  /** Korean counter or English counted noun kept on the figure. */
  counter?: string;
  /** °F: subtract 32 then multiply (factor 5/9). */
  fahrenheit?: boolean;
  /** `파운드`/`pounds`: money (GBP) or weight, decided by context. */
  pound?: boolean;
  /** `도`/`degrees`: only a temperature when the sentence is about temperature. */
  degree?: boolean;
  /** English `N times`: a multiple only before a comparison (`three times larger`). */
  times?: boolean;
  /** A currency symbol written after the number (`10 €`): not when another number follows (`10 $ 30`). */
  symbolAfter?: boolean;
  /** Only right after the digits (`3.4pc`). */
  gluedOnly?: boolean;
}

interface Entry {
  surface: string;
  lower: string;
  def: UnitDef;
  caseSensitive: boolean;
  latin: boolean;
}

const money = (unit: string, factor = 1): UnitDef => ({ kind: 'money', unit, factor });
const qty = (unit: string, factor = 1): UnitDef => ({ kind: 'quantity', unit, factor });
const count = (counter: string): UnitDef => ({ kind: 'count', unit: null, factor: 1, counter });

const entries: Entry[] = [];
function add(surfaces: string | string[], def: UnitDef, caseSensitive = false): void {
  for (const surface of Array.isArray(surfaces) ? surfaces : [surfaces]) {
    entries.push({ surface, lower: surface.toLowerCase(), def, caseSensitive, latin: isLatin(surface.charCodeAt(surface.length - 1)) });
  }
}

// ── money ────────────────────────────────────────────────────────────────
const CURRENCY_WORDS: [string[], string, number?][] = [
  [['미국 달러', '미 달러', '미달러', 'US달러', 'U.S. dollars', 'US dollars', 'U.S. dollar', 'US dollar', 'american dollars'], 'USD'],
  [['달러화', '달러', '불', 'dollars', 'dollar', 'bucks'], 'USD'],
  [['캐나다 달러', '캐나다달러', 'canadian dollars', 'canadian dollar'], 'CAD'],
  [['호주 달러', '호주달러', 'australian dollars', 'australian dollar'], 'AUD'],
  [['홍콩 달러', '홍콩달러', 'hong kong dollars', 'hong kong dollar'], 'HKD'],
  [['싱가포르 달러', '싱가포르달러', 'singapore dollars', 'singapore dollar'], 'SGD'],
  [['뉴질랜드 달러', '뉴질랜드달러', 'new zealand dollars'], 'NZD'],
  [['대만 달러', '대만달러', '타이완 달러', 'taiwan dollars', 'new taiwan dollars'], 'TWD'],
  [['원화', '원', 'won'], 'KRW'],
  [['유로화', '유로', 'euros', 'euro'], 'EUR'],
  [['엔화', '엔', '円', 'japanese yen', 'yen'], 'JPY'],
  [['중국 위안', '위안화', '위안', '元', 'chinese yuan', 'yuan renminbi', 'yuan', 'renminbi', 'rmb'], 'CNY'],
  [['파운드화', '영국 파운드', 'pounds sterling', 'sterling', 'british pounds', 'british pound', 'quid'], 'GBP'],
  [['egyptian pounds', 'egyptian pound'], 'EGP'],
  [['pakistani rupees', 'pakistan rupees'], 'PKR'],
  [['sri lankan rupees'], 'LKR'],
  [['nepalese rupees', 'nepali rupees'], 'NPR'],
  [['indian rupees'], 'INR'],
  [['philippine pesos', 'philippine peso'], 'PHP'],
  [['argentine pesos', 'argentinian pesos'], 'ARS'],
  [['chilean pesos'], 'CLP'],
  [['colombian pesos'], 'COP'],
  [['mexican pesos', 'mexican peso'], 'MXN'],
  [['turkish lira', 'turkish liras'], 'TRY'],
  [['south african rand'], 'ZAR'],
  [['swedish kronor', 'swedish krona', 'kronor', 'krona'], 'SEK'],
  [['norwegian kroner', 'norwegian krone'], 'NOK'],
  [['danish kroner', 'danish krone'], 'DKK'],
  [['israeli shekels', 'new shekels', 'shekels', 'shekel'], 'ILS'],
  [['nigerian naira', 'naira'], 'NGN'],
  [['kenyan shillings'], 'KES'],
  [['euro cents'], 'EUR', 0.01],
  [['us cents', 'u.s. cents'], 'USD', 0.01],
  [['스위스 프랑', 'swiss francs', 'swiss franc'], 'CHF'],
  [['프랑', 'francs', 'franc'], 'CHF'],
  [['루블', 'rubles', 'roubles', 'ruble', 'rouble'], 'RUB'],
  [['루피', 'rupees', 'rupee'], 'INR'],
  [['페소', 'pesos', 'peso'], 'MXN'],
  [['바트', 'baht'], 'THB'],
  [['링깃', 'ringgit'], 'MYR'],
  [['리라', 'lira'], 'TRY'],
  [['헤알', 'reais', 'real'], 'BRL'],
  [['랜드', 'rand'], 'ZAR'],
  [['동', 'dong'], 'VND'],
  [['루피아', 'rupiah'], 'IDR'],
  [['디르함', 'dirhams', 'dirham'], 'AED'],
  [['리얄', 'riyals', 'riyal'], 'SAR'],
  [['즈워티', 'zloty', 'zlotys'], 'PLN'],
  [['포린트', 'forint'], 'HUF'],
  [['흐리우냐', 'hryvnia'], 'UAH'],
  [['텡게', 'tenge'], 'KZT'],
  [['콜론', 'colones', 'colón', 'colon'], 'CRC'],
  [['라리', 'lari'], 'GEL'],
  [['킵', 'kip'], 'LAK'],
  [['핀란드 마르카', 'finnish markka', 'markka'], 'FIM'],
  [['네덜란드 휠던', 'dutch guilders', 'guilders'], 'NLG'],
  [['페세타', 'pesetas', 'peseta'], 'ESP'],
  [['마르크', 'deutsche marks'], 'DEM'],
  [['비트코인', 'bitcoins', 'bitcoin', 'BTC'], 'XBT'],
  [['센트', 'cents', 'cent'], 'USD', 0.01],
  [['펜스', '페니', 'pence', 'penny', 'pennies'], 'GBP', 0.01],
];
for (const [surfaces, code, factor] of CURRENCY_WORDS) add(surfaces, money(code, factor ?? 1));
add(['파운드', 'pounds', 'pound'], { kind: 'money', unit: 'GBP', factor: 1, pound: true });
const ISO_CODES = ['USD', 'KRW', 'EUR', 'JPY', 'CNY', 'GBP', 'CHF', 'CAD', 'AUD', 'HKD', 'INR', 'RUB', 'SGD', 'NZD', 'MXN', 'BRL', 'SEK', 'NOK', 'DKK', 'TRY', 'ZAR', 'TWD'];
for (const code of ISO_CODES) add(code, money(code), true);
add('usd', money('USD'), true);
add('eur', money('EUR'), true);
// Nordic business style: `30 MUSD`, `120 MEUR` (millions)
for (const code of ['USD', 'EUR', 'GBP', 'SEK', 'NOK', 'DKK', 'AUD', 'CHF']) add(`M${code}`, money(code, 1e6), true);
// a currency symbol after the number, as much of Europe writes it: `10 €`, `100 ₡`
for (const [symbol, code] of [['€', 'EUR'], ['£', 'GBP'], ['$', 'USD'], ['¥', 'JPY'], ['₩', 'KRW'], ['₹', 'INR'], ['₽', 'RUB'], ['₡', 'CRC'], ['₾', 'GEL'], ['₭', 'LAK'], ['₺', 'TRY'], ['₴', 'UAH'], ['₦', 'NGN'], ['₱', 'PHP'], ['₪', 'ILS'], ['₫', 'VND'], ['₿', 'XBT']] as const) {
  add(symbol, { kind: 'money', unit: code, factor: 1, symbolAfter: true });
}

// ── percent, points, multiples ───────────────────────────────────────────
add(['%p', '%P', '%포인트', '% 포인트', '％p', '퍼센트포인트', '퍼센트 포인트', '퍼센티지포인트', 'percentage points', 'percentage point', 'pct points', 'pct pts', 'ppts', 'ppt', 'pp'], { kind: 'pp', unit: 'pp', factor: 1 });
add(['basis points', 'basis point', 'basis-point', 'bps', 'bp', '베이시스포인트', '베이시스 포인트', 'bp포인트'], { kind: 'pp', unit: 'pp', factor: 0.01 });
add(['%', '％', '퍼센트', '퍼센티지', '프로', 'percent', 'per cent', 'percentage', 'percents', 'pct'], { kind: 'percent', unit: '%', factor: 1 });
// `3.4pc` (British papers): glued only, `5 pc` is more often personal computers
add('pc', { kind: 'percent', unit: '%', factor: 1, gluedOnly: true }, true);
add(['배'], { kind: 'multiple', unit: 'x', factor: 1 });
add(['x', 'X', '×'], { kind: 'multiple', unit: 'x', factor: 1 }, true);
add(['-fold', 'fold'], { kind: 'multiple', unit: 'x', factor: 1 });
add(['times'], { kind: 'multiple', unit: 'x', factor: 1, times: true });

// ── quantities with SI prefixes ──────────────────────────────────────────
const PREFIXES: [string, string, string, number][] = [
  // symbol, English, Korean, power of ten
  ['', '', '', 0],
  ['k', 'kilo', '킬로', 3],
  ['M', 'mega', '메가', 6],
  ['G', 'giga', '기가', 9],
  ['T', 'tera', '테라', 12],
  ['P', 'peta', '페타', 15],
  ['E', 'exa', '엑사', 18],
  ['Z', 'zetta', '제타', 21],
];
for (const [sym, en, ko, pow] of PREFIXES) {
  const f = 10 ** pow;
  add([`${en}flops`, `${en}flop/s`, `${en}flop`, `${ko}플롭스`, `${ko}플롭`], qty('FLOP/s', f));
  add([`${sym}FLOPS`, `${sym}FLOP/s`, `${sym}flops`], qty('FLOP/s', f), true);
  if (pow > 0) {
    const symK = sym === 'k' ? 'K' : sym;
    add([`${en}bytes`, `${en}byte`, `${ko}바이트`], qty('B', f));
    add([`${symK}B`, `${sym}B`], qty('B', f), true);
    add([`${symK}iB`], qty('B', 1024 ** (pow / 3)), true);
    add([`${en}bits`, `${en}bit`, `${ko}비트`], qty('bit', f));
    add([`${sym}b`, `${sym}bit`], qty('bit', f), true);
    add([`${symK}B/s`, `${sym}B/s`, `${symK}Bps`], qty('B/s', f), true);
    add([`${sym}bps`, `${sym}b/s`, `${sym}bit/s`], qty('bit/s', f), true);
  }
  add([`${en}watts`, `${en}watt`, `${ko}와트`], qty('W', f));
  add([`${sym}W`], qty('W', f), true);
  add([`${en}watt-hours`, `${en}watt hours`, `${en}watt-hour`, `${ko}와트시`, `${ko}와트아워`], qty('Wh', f));
  add([`${sym}Wh`], qty('Wh', f), true);
  add([`${en}hertz`, `${ko}헤르츠`], qty('Hz', f));
  add([`${sym}Hz`], qty('Hz', f), true);
}
add(['bytes', 'byte', '바이트'], qty('B', 1));
add(['bits', 'bit', '비트'], qty('bit', 1));

// length → m
add(['kilometres', 'kilometers', 'kilometre', 'kilometer', '킬로미터'], qty('m', 1e3));
add(['metres', 'meters', 'metre', 'meter', '미터'], qty('m', 1));
add(['centimetres', 'centimeters', 'centimetre', 'centimeter', '센티미터', '센티'], qty('m', 0.01));
add(['millimetres', 'millimeters', 'millimetre', 'millimeter', '밀리미터'], qty('m', 0.001));
add(['micrometres', 'micrometers', 'microns', 'micron', '마이크로미터'], qty('m', 1e-6));
add(['nanometres', 'nanometers', 'nanometre', 'nanometer', '나노미터', '나노'], qty('m', 1e-9));
add(['picometres', 'picometers', 'picometer', '피코미터'], qty('m', 1e-12));
add(['decimetres', 'decimeters', 'decimeter', '데시미터'], qty('m', 0.1));
add(['miles', 'mile', '마일'], qty('m', 1609.344));
add(['feet', 'foot', '피트'], qty('m', 0.3048));
add(['inches', 'inch', '인치'], qty('m', 0.0254));
add(['yards', 'yard', '야드'], qty('m', 0.9144));
add(['light-years', 'light years', '광년'], qty('m', 9.4607304725808e15));
for (const [symbol, factor] of [['km', 1e3], ['cm', 0.01], ['mm', 1e-3], ['nm', 1e-9], ['μm', 1e-6], ['µm', 1e-6], ['dm', 0.1], ['mi', 1609.344], ['ft', 0.3048], ['yd', 0.9144], ['m', 1]] as const) {
  add(symbol, qty('m', factor), true);
}
// area → m²
add(['square kilometres', 'square kilometers', 'square kilometre', 'square kilometer', 'sq km', '제곱킬로미터', '제곱 킬로미터', '평방킬로미터', '평방 킬로미터', 'km²', 'km2', '㎢'], qty('m²', 1e6));
add(['square metres', 'square meters', 'square metre', 'square meter', 'sq m', '제곱미터', '제곱 미터', '평방미터', '평방 미터', 'm²', 'm2', '㎡'], qty('m²', 1));
add(['square miles', 'square mile', 'sq mi', '제곱마일', '평방마일'], qty('m²', 2589988.110336));
add(['square feet', 'square foot', 'sq ft', '제곱피트', '평방피트', '평방 피트'], qty('m²', 0.09290304));
add(['acres', 'acre', '에이커'], qty('m²', 4046.8564224));
add(['hectares', 'hectare', '헥타르', 'ha'], qty('m²', 1e4));
add(['평'], qty('m²', 400 / 121));
// volume → L
add(['litres', 'liters', 'litre', 'liter', '리터', 'L'], qty('L', 1));
add(['millilitres', 'milliliters', 'millilitre', 'milliliter', '밀리리터', 'ml', 'mL'], qty('L', 0.001));
add(['gallons', 'gallon', '갤런'], qty('L', 3.785411784));
add(['barrels', 'barrel', '배럴'], qty('L', 158.987294928));
add(['cubic feet', 'cubic foot', '입방 피트', '입방피트', '세제곱피트'], qty('L', 28.316846592));
add(['cubic metres', 'cubic meters', 'cubic metre', 'cubic meter', '세제곱미터', '입방미터', '입방 미터', 'm³', 'm3', '㎥'], qty('L', 1000));
// mass → g
add(['metric tons', 'metric tonnes', 'metric ton', 'tonnes', 'tonne', 'tons', 'ton', '미터톤', '메트릭톤', '톤', 't'], qty('g', 1e6));
add(['kilograms', 'kilogram', 'kilos', '킬로그램', 'kg'], qty('g', 1e3));
add(['grams', 'gram', 'grammes', 'gramme', '그램'], qty('g', 1));
// Lower case only: "5G" and "4G LTE" are network generations, not grams.
add('g', qty('g', 1), true);
add(['milligrams', 'milligram', '밀리그램', 'mg'], qty('g', 1e-3));
add(['micrograms', 'microgram', 'microgrammes', '마이크로그램', 'μg', 'µg', 'mcg'], qty('g', 1e-6));
add(['ounces', 'ounce', '온스', 'oz'], qty('g', 28.349523125));
add(['lbs', 'lb'], qty('g', 453.59237), true);
add(['근'], qty('g', 600));
// speed → km/h
add(['kilometres per hour', 'kilometers per hour', 'km/h', 'kph', 'kmph', 'km/hr'], qty('km/h', 1));
add(['miles per hour', 'miles an hour', 'mph'], qty('km/h', 1.609344));
// temperature → °C
add(['°C', '℃', 'degrees Celsius', 'degrees celsius', 'degrees centigrade', 'ºC'], qty('°C', 1));
add(['°F', '℉', 'degrees Fahrenheit', 'degrees fahrenheit'], { kind: 'quantity', unit: '°C', factor: 5 / 9, fahrenheit: true });
add(['도', 'degrees', '°'], { kind: 'quantity', unit: '°C', factor: 1, degree: true });

// Korean news often writes a unit as one compatibility character (㎞, ㎏, ㎾). NFC keeps them as they
// are (only NFKC would spell them out), so they are units of their own.
const COMPATIBILITY_UNITS: [string, string, number][] = [
  ['㎞', 'm', 1e3], ['㎝', 'm', 0.01], ['㎜', 'm', 1e-3], ['㎛', 'm', 1e-6], ['㎚', 'm', 1e-9],
  ['㎠', 'm²', 1e-4], ['㎟', 'm²', 1e-6], ['㏊', 'm²', 1e4],
  ['ℓ', 'L', 1], ['㎖', 'L', 1e-3], ['㎗', 'L', 0.1], ['㎘', 'L', 1e3], ['㎤', 'L', 1e-3], ['㏄', 'L', 1e-3],
  ['㎏', 'g', 1e3], ['㎎', 'g', 1e-3], ['㎍', 'g', 1e-6],
  ['㎾h', 'Wh', 1e3], ['㎿h', 'Wh', 1e6], ['㎾', 'W', 1e3], ['㎿', 'W', 1e6], ['㎽', 'W', 1e-3],
  ['㎐', 'Hz', 1], ['㎑', 'Hz', 1e3], ['㎒', 'Hz', 1e6], ['㎓', 'Hz', 1e9], ['㎔', 'Hz', 1e12],
  ['㎅', 'B', 1e3], ['㎆', 'B', 1e6], ['㎇', 'B', 1e9],
];
for (const [surface, unit, factor] of COMPATIBILITY_UNITS) add(surface, qty(unit, factor), true);

// ── Korean counters (counts) ─────────────────────────────────────────────
const COUNTERS = [
  '조각', '개국', '개사', '개월', '개소', '가구', '가지', '군데', '그루', '켤레', '차례', '시간', '주년', '만원',
  '개', '명', '대', '곳', '건', '척', '마리', '채', '편', '권', '장', '벌', '병', '잔', '쌍', '점', '회', '번', '표', '석', '종', '곡', '주', '년', '분', '초', '세', '살', '포인트', '인', '기', '부', '동', '량', '칸',
];
for (const c of COUNTERS) if (c !== '만원') add(c, count(c));

// English counted nouns that read as counts even when a word number precedes them
export const ENGLISH_COUNT_NOUN = /^(?:[a-z][a-z-]*s|people|staff|children|men|women|times)\b/;

/** Entries by the UTF-16 code of their lower-cased first character. */
const byFirst = new Map<number, Entry[]>();
for (const e of entries) {
  const key = e.lower.charCodeAt(0);
  const list = byFirst.get(key) ?? [];
  list.push(e);
  byFirst.set(key, list);
}
for (const list of byFirst.values()) list.sort((a, b) => b.surface.length - a.surface.length);

/**
 * Each first-character list split again by the text's second character, keeping the longest-first order:
 * a Latin first letter has up to 80 entries, and most fail on their second character.
 * Key: the second UTF-16 code as it appears in the text (both cases of an ASCII letter for case-blind entries).
 */
const bySecond = new Map<number, { next: Map<number, Entry[]>; oneCharacter: Entry[] }>();
for (const [first, list] of byFirst) {
  const seconds = new Set<number>();
  for (const e of list) for (const code of secondCodes(e)) seconds.add(code);
  const next = new Map<number, Entry[]>();
  for (const code of seconds) next.set(code, list.filter((e) => e.surface.length === 1 || secondCodes(e).includes(code)));
  bySecond.set(first, { next, oneCharacter: list.filter((e) => e.surface.length === 1) });
}

/** The text characters that can stand second for `e` (surfaceAt folds only A-Z in the text). */
function secondCodes(e: Entry): number[] {
  if (e.surface.length < 2) return [];
  if (e.caseSensitive) return [e.surface.charCodeAt(1)];
  const c = e.lower.charCodeAt(1);
  return c >= 97 && c <= 122 ? [c, c - 32] : [c];
}

/**
 * The lower-cased code of text[p], -1 when lower-casing gives more than one unit (no entry starts so).
 * ASCII, CJK and Hangul syllables have no case mapping beyond A-Z: no string is made for them.
 */
function lowerFirstCode(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if ((c >= 0x3000 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) return c;
  const lower = text[p]!.toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : -1;
}

export interface UnitMatch {
  def: UnitDef;
  /** Where the unit text starts (after any space). */
  start: number;
  end: number;
  surface: string;
}

/** Compares without allocating: ASCII letters fold case unless the entry is case-sensitive. */
function surfaceAt(text: string, p: number, e: Entry): boolean {
  const s = e.caseSensitive ? e.surface : e.lower;
  if (p + s.length > text.length) return false;
  for (let k = 0; k < s.length; k++) {
    let c = text.charCodeAt(p + k);
    if (!e.caseSensitive && c >= 65 && c <= 90) c += 32;
    if (c !== s.charCodeAt(k)) return false;
  }
  return true;
}

function latinBoundary(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  return !(isLatin(c) || isDigit(c) || c === 95);
}

/**
 * The unit right at or after `i` (one space or a hyphen allowed before it, and
 * bracketed forms like `20 (kg)`). Longest surface wins: `배럴` before `배`, `개월` before `개`.
 */
export function matchUnitAt(text: string, i: number, allowGap = true): UnitMatch | null {
  let p = i;
  if (allowGap) {
    if (isSpace(text.charCodeAt(p))) p++;
    else if (text.charCodeAt(p) === 45 && isLatin(text.charCodeAt(p + 1))) p++; // `3-inch`, `12-cent`
  }
  let close = '';
  const open = text[p];
  if (p > i && (open === '(' || open === '[' || open === '{' || open === '<')) {
    close = { '(': ')', '[': ']', '{': '}', '<': '>' }[open]!;
    p++;
  }
  if (p >= text.length) return null;
  const index = bySecond.get(lowerFirstCode(text, p));
  if (!index) return null;
  const list = index.next.get(text.charCodeAt(p + 1)) ?? index.oneCharacter;
  for (const e of list) {
    if (!surfaceAt(text, p, e)) continue;
    let end = p + e.surface.length;
    if (e.latin && !latinBoundary(text, end)) continue;
    // Latin abbreviations after a space must not be the start of a word (`5 m` yes, `5 mother` no: handled above)
    if (close) {
      if (text[end] !== close) continue;
      end++;
    }
    // a Hangul unit word must not run on into a longer word that is not a particle (`원전`, `배우`)
    if (!e.latin && isHangul(e.surface.charCodeAt(e.surface.length - 1)) && isHangul(text.charCodeAt(end)) && blocksAfter(e.surface, text, end)) continue;
    return { def: e.def, start: p, end, surface: e.surface };
  }
  return null;
}

/** Syllables that, glued after a unit word, make it another word. */
const BLOCKED_AFTER: Record<string, string> = {
  원: '전인자래장칙리숭회조료형', // 원전, 원인, 원자 …
  동: '안시일의물생기네결산부',
  도: '시로록입착전구달움',
  초: '과반기청대',
  분: '야석기류석위노할',
  주: '가식주요도장의년차간말',
  대: '비해한표상응로책',
  장: '관기',
  점: '유검수',
  세: '계금대력',
  부: '터분문진',
  기: '업간준술자관존',
  인: '상하구정기',
  종: '목합료',
  회: '사의장',
  편: '의',
  번: '째호지',
  명: '단예',
  건: '설물강',
  개: '발선최',
  년: '째',
  석: '유탄',
  채: '권무',
  량: '',
  칸: '',
};

/**
 * 배 starts countless words (배포, 배터리, 배달, 배당, 배출, 배경…), so after a number it is a
 * multiple only when nothing or a particle/ending follows: 3배, 3배로, 3배나, 3배 이상, 3배가량.
 * "그록3 배포" is a product name and a verb noun, not "3 배".
 */
const MULTIPLE_CONTINUATIONS = [
  '가', '나', '는', '로', '를', '에', '의', '씩', '인', '이', '다', '도', '만', '쯤', '와', '야', '라', '란', '며', '였', '요', '죠',
  '보다', '까지', '정도', '수', '지만', '짜리', '꼴',
];

function blocksAfter(surface: string, text: string, end: number): boolean {
  if (surface === '배') return !MULTIPLE_CONTINUATIONS.some((c) => text.startsWith(c, end));
  const blocked = BLOCKED_AFTER[surface];
  return blocked !== undefined && blocked.includes(text[end]!);
}

export interface CurrencyPrefix {
  start: number;
  unit: string;
  factor: number;
}

const SYMBOLS: Record<string, string> = {
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '￥': 'JPY', '₩': 'KRW', '￦': 'KRW', '₹': 'INR', '₽': 'RUB', '元': 'CNY',
  '₡': 'CRC', '₾': 'GEL', '₭': 'LAK', '₺': 'TRY', '₴': 'UAH', '₦': 'NGN', '₱': 'PHP', '₪': 'ILS', '₫': 'VND', '₿': 'XBT',
};
/** Letters before `$` naming the dollar; longest first. One-letter prefixes count only glued and capitalised (`A$5`, not `a $5`). */
const DOLLAR_PREFIXES: [string, string][] = ([
  ['U.S.', 'USD'], ['U.S', 'USD'], ['US', 'USD'], ['USD', 'USD'], ['C', 'CAD'], ['CA', 'CAD'], ['CAD', 'CAD'], ['A', 'AUD'], ['AU', 'AUD'], ['AUD', 'AUD'],
  ['HK', 'HKD'], ['HKD', 'HKD'], ['S', 'SGD'], ['SGD', 'SGD'], ['NZ', 'NZD'], ['NZD', 'NZD'], ['NT', 'TWD'], ['R', 'BRL'], ['MX', 'MXN'], ['MXN', 'MXN'], ['MEX', 'MXN'],
] as [string, string][]).sort((a, b) => b[0].length - a[0].length);
const CODE_PREFIX = /(?<![A-Za-z])(USD|KRW|EUR|JPY|CNY|RMB|GBP|CHF|CAD|AUD|HKD|INR|SGD|NZD|MXN|BRL|SEK|NOK|DKK|TRY|ZAR|TWD|usd|rmb|eur|Rs\.?|RM)\s?$/;

/** Every symbol is one UTF-16 unit: keyed by its code, no string per lookup. */
const SYMBOL_BY_CODE = new Map(Object.entries(SYMBOLS).map(([symbol, iso]) => [symbol.charCodeAt(0), iso]));

/**
 * `text.slice(s, s + prefix.length).toUpperCase() === prefix` for an ASCII `prefix`, without making strings
 * (a-z fold directly; other non-ASCII characters take the exact test: `ı`, `ſ` upper-case to ASCII).
 */
function upperEquals(text: string, s: number, prefix: string): boolean {
  if (s + prefix.length > text.length) return text.slice(s).toUpperCase() === prefix;
  for (let k = 0; k < prefix.length; k++) {
    let c = text.charCodeAt(s + k);
    if (c >= 0x80) return text.slice(s, s + prefix.length).toUpperCase() === prefix;
    if (c >= 97 && c <= 122) c -= 32;
    if (c !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

/** A currency written before the number (`$1.8`, `US$ 5`, `hk $ 10`, `€2`, `₩500`, `EUR 5`), ending at `numberStart`. */
export function matchCurrencyBefore(text: string, numberStart: number): CurrencyPrefix | null {
  let p = numberStart - 1;
  if (p >= 0 && isSpace(text.charCodeAt(p))) p--;
  if (p < 0 || p >= text.length) return null;
  const code = SYMBOL_BY_CODE.get(text.charCodeAt(p));
  if (code) {
    let start = p;
    let unit = code;
    if (text.charCodeAt(p) === 36 /* $ */) {
      let q = p - 1;
      const glued = !(q >= 0 && text[q] === ' ');
      if (!glued) q--;
      for (const [prefix, iso] of DOLLAR_PREFIXES) {
        const s = q - prefix.length + 1;
        // `C $ 16.4 million` is Canadian even spaced (no English word is `c`); `a $5`, `'s $5` are not prefixes
        if (prefix.length === 1 && !(glued ? text[s] === prefix : prefix === 'C')) continue;
        if (s >= 0 && upperEquals(text, s, prefix) && !isLatin(text.charCodeAt(s - 1))) {
          start = s;
          unit = iso;
          break;
        }
      }
    }
    return { start, unit, factor: 1 };
  }
  if (!(isLatin(text.charCodeAt(p)) || text.charCodeAt(p) === 46)) return null;
  const from = Math.max(0, numberStart - 5);
  if (text.charCodeAt(p) === 46 && !/Rs\.\s?$/.test(text.slice(from, numberStart))) return null;
  const m = CODE_PREFIX.exec(text.slice(from, numberStart));
  if (m) {
    const raw = m[1]!.replace(/\.$/, '');
    const upper = raw.toUpperCase();
    const unit = upper === 'RMB' ? 'CNY' : raw.startsWith('Rs') ? 'INR' : raw === 'RM' ? 'MYR' : upper;
    return { start: from + m.index, unit, factor: 1 };
  }
  return null;
}

/** Units that make a bare number something other than a plain count (for the number layer). */
export function probeUnit(text: string, i: number): { kind: string; end: number } | null {
  if (text[i] === '월' || text[i] === '일') return { kind: 'date', end: i + 1 };
  const m = matchUnitAt(text, i, false);
  return m ? { kind: m.def.kind, end: m.end } : null;
}
