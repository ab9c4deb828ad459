import { render } from 'preact';
import { App } from './App';
import '@/components/common/theme.css';

render(<App />, document.getElementById('app')!);
