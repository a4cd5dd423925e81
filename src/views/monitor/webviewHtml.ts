// The monitor webview's HTML: a strict Content Security Policy with a fresh nonce per render.
// Nothing loads from outside dist/webview; scripts run only by nonce. The style nonce is for
// the one <style> probe the toolkit's FAST base injects (it reads meta[property=csp-nonce]).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The folder the webview may load from (localResourceRoots). */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [webviewRoot(extensionUri)],
    // Scroll position, selection, expanded rows and a paused display survive switching tabs; a
    // hidden webview costs only its few screens of cached rows (the capture lives in the host).
    retainContextWhenHidden: true,
    enableFindWidget: false,
  };
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function monitorHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const root = webviewRoot(extensionUri);
  const asset = (...path: string[]): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(root, ...path)).toString();
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
  <meta property="csp-nonce" content="${nonce}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${asset('codicons', 'codicon.css')}">
  <link rel="stylesheet" href="${asset('monitor.css')}">
  <title>MIDI Monitor</title>
</head>
<body>
  <div id="monitor-root"></div>
  <script nonce="${nonce}" src="${asset('monitor.js')}"></script>
</body>
</html>`;
}
