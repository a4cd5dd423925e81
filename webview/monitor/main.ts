// Entry point of the monitor webview (bundled to dist/webview/monitor.js, its CSS to monitor.css).
import './monitor.css';
import { MonitorApp } from './monitorApp';
import { registerToolkit } from './toolkit';

registerToolkit();
const root = document.getElementById('monitor-root');
if (!root) throw new Error('monitor webview: #monitor-root is missing from the page');
const app = new MonitorApp(root);
app.start().catch((error: unknown) => {
  root.textContent = `The monitor could not start: ${error instanceof Error ? error.message : String(error)}`;
});
