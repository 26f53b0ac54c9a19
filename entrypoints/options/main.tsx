import { render } from 'preact';
import { browserEnv } from '../../components/browser-env';
import { OptionsApp } from '../../components/OptionsApp';
import { openDatabase } from '../../utils/db/schema';
import { isKoreanUi, t } from '../../utils/i18n';
import '../../components/theme.css';
import './style.css';

document.documentElement.lang = isKoreanUi() ? 'ko' : 'en';
document.title = t('optionsTitle');
render(<OptionsApp env={browserEnv(openDatabase())} />, document.getElementById('app')!);
