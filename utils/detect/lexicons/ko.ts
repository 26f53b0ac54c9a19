/**
 * Korean cue lexicons for claim kinds and check-worthiness features.
 * Korean marks most of these with particles and verb endings rather than
 * separate words, so the patterns look at endings (…했다, …ㄹ 것이다,
 * …라고 했다) and at the nouns news prose uses for them (전망, 대비, 때문).
 */
import type { LanguageLexicon } from './types';
import { endsAsKoreanQuestion } from './matchers';

// A Hangul syllable whose final consonant is ㄹ (갈, 할, 될, 갖출 …): the future/conjectural
// adnominal that precedes 것 in "…할 것이다", "…될 것으로 보인다".
const L_FINAL = (() => {
  let syllables = '';
  for (let code = 0xac00 + 8; code <= 0xd7a3; code += 28) syllables += String.fromCharCode(code);
  return `[${syllables}]`;
})();

export const koreanLexicon: LanguageLexicon = {
  lowerCase: false,
  comparison: {
    patterns: [
      /[가-힣A-Za-z0-9)’”]보다(?:도|는|\s)/,
      /대비|비해|비하면|비교해|비교하면|견줘|견주면|비교적으?로?(?=\s)|웃돌|밑돌|넘어섰|넘어서|앞질|뒤처|뒤져|제치|못\s?미치|수준을?\s?넘/,
      // A change verb compares with an earlier value when a number is in play: "매출이 30% 증가했다".
      /(?<![A-Za-z])\d[^.!?]{0,40}(?:증가|감소|상승|하락|늘어|줄어|늘었|줄었|올랐|내렸|떨어졌|뛰었|급증|급감|증가세|감소세)/,
      /\d[\d,.]*\s?(?:배|%|퍼센트|%p|%포인트|포인트)\s?(?:늘|줄|증가|감소|상승|하락|올|내|높|낮|많|적)/,
      /전년|전월|전분기|동기\s?대비|작년보다|지난해보다/,
    ],
  },
  superlative: {
    patterns: [
      /가장|최대|최고(?!경영자|재무|기술|운영|책임|전략|투자|위원|위\s|위급|법원|기온|인민)|최저(?!임금|기온|생계|시급)|최소|최초|최강|최다|최장|최단|최악|최상|최신|최적|최연소|최고령|역대|사상\s?(?:최|처음)|처음으로|유일(?:한|하게)?|세계\s?(?:1위|첫|최)|국내\s?(?:1위|첫|최)|1위|넘버원|으뜸/,
    ],
  },
  quote: {
    patterns: [
      /(?:밝혔|말했|주장했|전했|설명했|강조했|덧붙였|지적했|언급했|발표했|답했|물었|반박했|해명했|시사했|경고했|토로했|호소했|내다봤|평가했|분석했|예상했|전망했|말한|밝힌|주장한|전한)(?:다|고|으며|지만|는데)?/,
      // A closing quote and a quotative particle; Korean sites also type “ as the closing quote.
      // (‘…’ marks names and emphasis in Korean headlines, so it does not count.)
      /[”"」』]\s?(?:이?라고|이?라며|며|하며|이?라는|고)|(?<=\S)“(?:이?라고|이?라며|며|고)/,
      /(?:에\s)?따르면|관계자는|측은|대변인은|(?:고|라고)\s?(?:했다|말했다|밝혔다)/,
    ],
  },
  prediction: {
    patterns: [
      new RegExp(`${L_FINAL}\\s?(?:것|전망|예정|계획|방침|가능성|수\\s?있)`),
      /전망(?!치)|예상(?!치|보다|외)|예측(?!치)|관측|추정(?!치)|내다봤|내다본|예정|계획|방침|목표로|할\s?방침|을\s?것으로|ㄹ\s?것|로\s?보인다|될\s?듯|할\s?듯|것\s?같다|가능성이|우려가|기대된다|\d{4}년까지|내년|향후|앞으로|오는\s\d/,
    ],
  },
  causal: {
    patterns: [
      /때문|덕분|탓에|탓으로|영향으로|영향을\s?받|여파로|원인|결과(?:로|적으로)|(?:로|으로)\s?인해|(?:로|으로)\s?인한|이에\s?따라|에\s?따라|그\s?결과|바람에|까닭|이유(?:는|로)|초래|야기|불러왔|이끌었|견인|기인/,
    ],
  },
  opinion: {
    patterns: [
      /생각한다|생각합니다|생각해|생각하는|믿는다|바란다|바랍니다|싶다|싶습니다|해야\s?한다|해야\s?합니다|돼야\s?한다|되어야|필요가\s?있다|필요하다|것\s?같다|것\s?같습니다|좋겠다|느낀다|나는|저는|제가|우리는\s/,
      /기대됩니다|대단|훌륭|최악이다|한심|감사|축하|응원|화이팅|ㅋ|ㅎㅎ|!!/,
    ],
  },
  hedge: {
    patterns: [/아마|어쩌면|듯하다|듯한|것으로\s?보인다|로\s?보인다|추정된다|알려졌다|전해졌다|가능성|일부에서는|이라는\s?관측/],
  },
  time: {
    patterns: [
      /\d{4}\s?년|\d{1,2}\s?월|\d{1,2}\s?일|지난해|작년|올해|내년|지난달|이달|다음\s?달|분기|상반기|하반기|연간|매년|해마다|전년|이후|이전|현재/,
    ],
  },
  numberWord: {
    patterns: [
      /[일이삼사오육칠팔구십백천만억조]\s?(?:만|억|조)|수십|수백|수천|수만|수억|수조|절반|두\s?배|세\s?배|평균|비율|비중|점유율|율이|률이|통계|집계|조사|규모|금액|액수|수치/,
    ],
  },
  money: {
    patterns: [/\d[\d,.]*\s?(?:[천만억조]\s?)*(?:원|달러|유로|엔|위안|파운드)|달러|유로|엔화|위안|파운드|예산|매출|영업이익|순이익|적자|흑자|부채|세금|비용|투자|가격|요금|임금|연봉|자산|시가총액/],
  },
  institution: {
    patterns: [
      /정부|국회|청와대|대통령실|대통령|장관|부처|[가-힣]{1,6}(?:부|청|처|원|위원회|공사|공단|은행|대학교|대학|연구소|연구원|협회|재단|법원|검찰|경찰)(?=[은는이가을를의에와과도\s])|기업|회사|그룹|업계|당국|[A-Z][A-Za-z]+|한국|미국|중국|일본|유럽|러시아|북한|세계/,
    ],
  },
  pastFact: {
    patterns: [/(?:했|였|됐|었|았|왔|졌|냈|켰|뒀)다(?:[.\s]|$)|기록했|집계됐|나타났|조사됐|확인됐|발표됐|공개됐|출시|달성|돌파/],
  },
  question: {
    patterns: [{ pattern: /\?\s*[”"’)]*\s*$|[까냐나가]\s*[.?]?\s*$|는지\s*[.?]?$/, test: endsAsKoreanQuestion }],
  },
};
