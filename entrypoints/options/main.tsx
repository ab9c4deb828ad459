import { render } from 'preact';
import { App } from './App';
import '@/components/common/theme.css';
import '@/components/notes/notes.css';
import '@/components/claims/claims.css';
import '@/components/claims/factchecks.css';
import './options.css';

render(<App />, document.getElementById('app')!);
