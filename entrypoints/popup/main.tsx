import { render } from 'preact';
import { App } from './App';
import '@/components/common/theme.css';
import './popup.css';

render(<App />, document.getElementById('app')!);
