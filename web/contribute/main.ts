import './contribute.css';
import { readPageConfig } from '../shared/pageConfig';
import { ContributePage } from './app';

const root = document.getElementById('root');
if (!root) throw new Error('the page has no #root element');
void new ContributePage(readPageConfig(), root).start();
