/**
 * English cue lexicons for claim kinds and check-worthiness features.
 * Patterns run on one sentence at a time; they are written for news and
 * debate prose (reported speech, forecasts, comparisons), not keyword lists
 * tuned to one article.
 */
import type { LanguageLexicon } from './types';

export const englishLexicon: LanguageLexicon = {
  comparison: [
    /\b(?:more|less|fewer|greater|higher|lower|bigger|smaller|larger|faster|slower|cheaper|better|worse|older|younger|richer|poorer|stronger|weaker)\s+(?:\w+\s+){0,3}than\b/i,
    /\b\w{3,}er\s+than\b/i,
    /\b(?:compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|versus|vs\.?|as\s+(?:much|many|high|low|large|big)\s+as|twice|triple[ds]?|double[ds]?|half\s+(?:of|as))\b/i,
    /\b(?:up|down|rose|rises|risen|fell|falls|fallen|increased?|decreased?|grew|grown|dropped|declined?|jumped|surged|climbed|plunged|slumped|outpaced|outperformed|exceeded?|trailed|doubled|tripled|halved)\b(?:\s+[\w.,%$]+){0,4}\s+(?:from|by|to|over|since)\b/i,
    /\b(?:above|below)\s+(?:the\s+)?(?:average|level|rate|target|forecast|estimates?|expectations?)\b/i,
  ],
  superlative: [
    /\b(?:the|its|their|our|his|her|world's|nation's|country's|america's)\s+(?:\w+\s+)?(?:largest|biggest|highest|lowest|fastest|slowest|greatest|smallest|best|worst|most|least|first|last|only|oldest|newest|strongest|weakest|richest|poorest|longest|shortest|cheapest|deadliest|top)\b/i,
    /\b(?:record(?:-\w+)?|all-time|unprecedented|never\s+before|for\s+the\s+first\s+time|number\s+one|no\.\s?1|top\s+spot|world-leading|industry-leading)\b/i,
    /\b(?:most|least)\s+\w{4,}/i,
  ],
  quote: [
    /\b(?:said|says|say|told|tells|stated|states|claimed|claims|announced|announces|reported|reports|added|noted|argued|argues|insisted|insists|warned|warns|wrote|writes|explained|acknowledged|admitted|confirmed|denied|testified|declared|estimated|predicted|asserted|according\s+to)\b/i,
    /["“][^"”]{8,}[,.!?]?["”]\s*(?:\w+\s+){0,6}(?:said|says|told|added|wrote|asked)\b/i,
  ],
  prediction: [
    /\b(?:will|won't|shall|is\s+going\s+to|are\s+going\s+to|gonna|is\s+set\s+to|are\s+set\s+to|is\s+expected\s+to|are\s+expected\s+to|is\s+likely\s+to|are\s+likely\s+to|is\s+poised\s+to|plans?\s+to|planning\s+to|intends?\s+to|aims?\s+to)\b/i,
    /\b(?:expects?|expected|forecasts?|forecasted|predicts?|predicted|projects?|projected|projections?|anticipates?|anticipated|outlook|estimates?\s+(?:that|it|they)|by\s+(?:19|20)\d\d|next\s+(?:year|month|quarter|decade|week)|in\s+the\s+coming\s+(?:years|months|weeks)|would\s+(?:reach|rise|fall|grow|cost|add|create|cut|double|save|lose))\b/i,
  ],
  causal: [
    /\b(?:because(?:\s+of)?|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+(?:result|consequence)|result(?:ed|s|ing)?\s+(?:in|from)|caus(?:e|es|ed|ing)|led\s+to|leads?\s+to|lead\s+to|driven\s+by|fuel(?:l?ed|s)\s+by|contributed\s+to|responsible\s+for|therefore|consequently|hence|so\s+that|which\s+means|that's\s+why|that\s+is\s+why|blamed\s+(?:on|for)|attribut(?:ed|es|able)\s+to|stems?\s+from|triggered|sparked)\b/i,
  ],
  opinion: [
    /\b(?:i|we)\s+(?:think|believe|feel|hope|want|wish|guess|suppose|know|mean|say)\b/i,
    /\b(?:should|ought\s+to|must|need\s+to|have\s+to|has\s+to|let's|let\s+me|let\s+us|i'm|i\s+am|i've|i'll|i\s+will|i\s+would|my\s+\w+)\b/i,
    /\b(?:wonderful|terrible|great|disgrace|ridiculous|important|proud|honored|thank|thanks|appreciate|believe\s+me|frankly|obviously|of\s+course)\b/i,
  ],
  hedge: [/\b(?:maybe|perhaps|possibly|might|may|could|seems?|appears?|somewhat|probably|allegedly|reportedly|some\s+say)\b/i],
  time: [
    /\b(?:19|20)\d\d\b/,
    /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)\b/i,
    /\b(?:last|this|next|past)\s+(?:year|month|quarter|decade|week|years|months|decades|century)\b/i,
    /\b(?:yesterday|today|tomorrow|annually|per\s+year|a\s+year|each\s+year|since|ago)\b/i,
  ],
  numberWord: [
    /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|trillions|dozen|dozens|half|quarter|third|percent|percentage|twice|double|triple|majority|minority|average|rate|median)\b/i,
  ],
  money: [/\$\s?\d|\b(?:dollars?|cents?|budget|deficit|debt|tax(?:es)?|spending|spent|cost|costs|paid|pay|salary|wages?|revenue|income|profit|billion|trillion|euros?|pounds|yen|won)\b/i],
  institution: [
    /\b(?:government|congress|senate|house|administration|federal|state|states|country|countries|nation|department|agency|ministry|court|company|companies|corporation|bank|university|union|party|united\s+states|america|americans?|soviet|china|russia|iran|iraq|mexico|europe|nato|u\.?s\.?|u\.?n\.?)\b/i,
  ],
  pastFact: [/\b(?:was|were|had|has\s+been|have\s+been|did|passed|voted|signed|created|lost|won|cut|raised|increased|decreased|doubled|reduced|spent|killed|built|closed|opened|reported|released|approved)\b/i],
  question: [/\?\s*["”’)]*\s*$/],
};
