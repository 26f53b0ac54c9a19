/**
 * English cue lexicons for claim kinds and check-worthiness features, written
 * for news and debate prose (reported speech, forecasts, comparisons). Phrases
 * are matched on lower-cased word tokens; patterns run on the lower-cased
 * sentence, only when their gate words occur.
 */
import type { LanguageLexicon } from './types';
import { endsWithQuestionMark } from './matchers';

const COMPARATIVES =
  'more|less|fewer|greater|higher|lower|bigger|smaller|larger|faster|slower|cheaper|better|worse|older|younger|richer|poorer|stronger|weaker';
const CHANGE_VERBS = [
  'up', 'down', 'rose', 'rise', 'rises', 'risen', 'fell', 'falls', 'fallen', 'increased', 'increase', 'increases', 'decreased',
  'decrease', 'decreases', 'grew', 'grown', 'dropped', 'declined', 'decline', 'declines', 'jumped', 'surged', 'climbed',
  'plunged', 'slumped', 'gained', 'lost', 'cut', 'raised',
];
const SUPERLATIVES = [
  'largest', 'biggest', 'highest', 'lowest', 'fastest', 'slowest', 'greatest', 'smallest', 'best', 'worst', 'most', 'least',
  'first', 'last', 'only', 'oldest', 'newest', 'strongest', 'weakest', 'richest', 'poorest', 'longest', 'shortest',
  'cheapest', 'deadliest', 'top',
];
const words = (list: string) => list.split(' ');

export const englishLexicon: LanguageLexicon = {
  lowerCase: true,
  comparison: {
    phrases: [
      'compared with', 'compared to', 'in comparison with', 'in comparison to', 'relative to', 'versus', 'vs', 'twice as',
      'three times', 'four times', 'five times', 'ten times', 'times more', 'times as', 'half as', 'as much as', 'as many as',
      'as high as', 'as low as', 'as large as', 'as big as', 'outpaced', 'outperformed', 'outnumbered', 'exceeded', 'exceeds',
      'surpassed', 'trailed', 'doubled', 'tripled', 'halved', 'year on year', 'year over year',
    ],
    patterns: [
      { pattern: new RegExp(`\\b(?:${COMPARATIVES}|\\w{3,}er)\\s+(?:[\\w.,%$]+\\s+){0,3}than\\b`), tokens: ['than'] },
      { pattern: new RegExp(`\\b(?:${CHANGE_VERBS.join('|')})\\b(?:\\s+[\\w.,%$]+){0,4}\\s+(?:from|by|to|over|since)\\b`), tokens: CHANGE_VERBS },
      { pattern: /\b(?:above|below)\s+(?:the\s+)?(?:average|level|rate|target|forecast|estimates?|expectations?)\b/, tokens: ['above', 'below'] },
    ],
  },
  superlative: {
    phrases: [
      'record', 'all time', 'unprecedented', 'never before', 'for the first time', 'number one', 'top spot', 'world leading',
      'industry leading', 'best ever', 'ever recorded',
    ],
    patterns: [
      {
        pattern: new RegExp(`\\b(?:the|its|their|our|his|her|world's|nation's|country's|america's)\\s+(?:\\w+\\s+)?(?:${SUPERLATIVES.join('|')})\\b`),
        tokens: SUPERLATIVES,
      },
      { pattern: /\b(?:most|least)\s+\w{4,}/, tokens: ['most', 'least'] },
      { pattern: /\bno\.\s?1\b/, tokens: ['no'] },
    ],
  },
  quote: {
    phrases: words(
      'said says told tells stated claimed announced announces reported reports added noted argued argues insisted insists ' +
        'warned warns wrote writes explained acknowledged admitted confirmed denied testified declared estimated predicted asserted',
    ).concat(['according to']),
    patterns: [{ pattern: /["“][^"”]{8,}[,.!?]?["”]\s*(?:\w+\s+){0,6}(?:said|says|told|added|wrote|asked)\b/, chars: '"“' }],
  },
  prediction: {
    phrases: [
      'will', "won't", 'shall', 'gonna', 'going to', 'set to', 'expected to', 'likely to', 'poised to', 'plan to', 'plans to',
      'planning to', 'intend to', 'intends to', 'aim to', 'aims to', 'expect', 'expects', 'forecasts',
      'forecasted', 'predict', 'predicts', 'projects', 'projection', 'projections', 'anticipate',
      'anticipates', 'outlook', 'next year', 'next month', 'next quarter', 'next decade', 'next week',
      'in the coming years', 'in the coming months', 'in the coming weeks', 'would reach', 'would rise', 'would fall',
      'would grow', 'would cost', 'would add', 'would create', 'would cut', 'would double', 'would save', 'would lose',
    ],
    patterns: [
      { pattern: /\bby (?:19|20)\d\d\b/, tokens: ['by'] },
      { pattern: /\bestimates?\s+(?:that|it|they)\b/, tokens: ['estimate', 'estimates'] },
      // "rose faster than (analysts had) expected", "as (widely) forecast": a result measured against
      // a forecast, not a forecast.
      {
        pattern: /(?<!\b(?:than|as)\s(?:[a-z]+\s){0,3})\b(?:expected|forecast|predicted|projected|anticipated)\b/,
        tokens: ['expected', 'forecast', 'predicted', 'projected', 'anticipated'],
      },
    ],
  },
  causal: {
    phrases: [
      'because', 'due to', 'owing to', 'thanks to', 'as a result', 'as a consequence', 'result in', 'results in', 'resulted in',
      'resulting in', 'result from', 'resulted from', 'cause', 'causes', 'caused', 'causing', 'led to', 'leads to', 'lead to',
      'driven by', 'fueled by', 'fuelled by', 'contributed to', 'responsible for', 'therefore', 'consequently', 'hence',
      'so that', 'which means', "that's why", 'that is why', 'blamed on', 'blamed for', 'attributed to', 'attributable to',
      'stems from', 'stem from', 'triggered', 'sparked',
    ],
  },
  opinion: {
    phrases: [
      'i think', 'i believe', 'i feel', 'i hope', 'i want', 'i wish', 'i guess', 'i suppose', 'i know', 'i mean', 'i say',
      'we think', 'we believe', 'we feel', 'we hope', 'we want', 'we wish', 'we know', 'we mean', 'should', 'ought to',
      'must', 'need to', 'have to', 'has to', "let's", 'let me', 'let us', "i'm", 'i am', "i've", "i'll", 'i will', 'i would',
      'my', 'wonderful', 'terrible', 'great', 'disgrace', 'ridiculous', 'important', 'proud', 'honored', 'thank', 'thanks',
      'appreciate', 'believe me', 'frankly', 'obviously', 'of course',
    ],
  },
  hedge: {
    phrases: words('maybe perhaps possibly might may could seem seems appear appears somewhat probably allegedly reportedly').concat(['some say']),
  },
  time: {
    phrases: words(
      'january february march april june july august september october november december jan feb aug sep sept oct nov dec ' +
        'yesterday today tomorrow annually since ago',
    ).concat([
      'last year', 'last month', 'last quarter', 'last decade', 'last week', 'this year', 'this month', 'this quarter',
      'this decade', 'this week', 'next year', 'past year', 'past decade', 'past years', 'past months', 'last years',
      'per year', 'a year', 'each year', 'every year',
    ]),
    patterns: [/\b(?:19|20)\d\d\b/],
  },
  numberWord: {
    phrases: words(
      'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy ' +
        'eighty ninety hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens ' +
        'half quarter third percent percentage twice double triple majority minority average rate median',
    ),
  },
  money: {
    phrases: words(
      'dollar dollars cents budget deficit debt tax taxes spending spent cost costs paid pay salary wage wages revenue ' +
        'income profit profits billion trillion euro euros pounds yen',
    ),
    // Any currency sign before a number (news abroad writes £4.5bn, €200m, ¥150, ₩1,300).
    patterns: [{ pattern: /[$€£¥₩]\s?\d/, chars: '$€£¥₩' }],
  },
  institution: {
    phrases: words(
      'government congress senate house administration federal state states country countries nation department agency ' +
        'ministry court company companies corporation bank university union party america americans soviet china russia ' +
        'iran iraq mexico europe nato',
    ).concat(['united states', 'u s', 'u n']),
  },
  pastFact: {
    phrases: words(
      'was were had did passed voted signed created lost won cut raised increased decreased doubled reduced spent killed ' +
        'built closed opened reported released approved',
    ).concat(['has been', 'have been']),
  },
  question: { patterns: [{ pattern: /\?\s*["”’)]*\s*$/, chars: '?', test: endsWithQuestionMark }] },
};
