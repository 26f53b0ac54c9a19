import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { openDatabase } from '../../utils/db/schema';
import { currentPage } from '../../utils/current-page';

const db = openDatabase();
document.documentElement.lang = navigator.language.startsWith('ko') ? 'ko' : 'en';
currentPage().then(({ url }) => render(<PopupApp db={db} pageUrl={url} />, document.getElementById('app')!));
