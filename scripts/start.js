#!/usr/bin/env node
/**
 * npm start: build the task pane in development mode and serve it with webpack-dev-server.
 *   https://localhost:3000 when the Office dev certificates exist (~/.office-addin-dev-certs),
 *   otherwise http://localhost:3000 (enough for a plain browser; Excel needs https).
 * npm run start:desktop (`node scripts/start.js --desktop`): also sideload into desktop Excel
 *   when office-addin-debugging is available; otherwise print the manual steps.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PORT = Number(process.env.PORT || 3000);
const args = process.argv.slice(2);
const desktop = args.includes('--desktop');

function devCerts() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = path.join(dir, 'localhost.crt');
  const key = path.join(dir, 'localhost.key');
  const ca = path.join(dir, 'ca.crt');
  if (fs.existsSync(cert) && fs.existsSync(key)) {
    return { cert, key, ca: fs.existsSync(ca) ? ca : undefined };
  }
  return null;
}

function findManifest() {
  for (const name of ['manifest.xml', 'manifest.dev.xml', 'manifest/manifest.xml']) {
    const p = path.join(ROOT, name);
    if (fs.existsSync(p)) return p;
  }
  return path.join(ROOT, 'manifest.xml');
}

function tryResolve(name) {
  try {
    return require.resolve(name, { paths: [ROOT] });
  } catch {
    return null;
  }
}

function printHelp(url, https, manifest) {
  const pane = `${url}/taskpane.html`;
  const lines = [
    '',
    '政务公开年报助手 · 开发服务器',
    `  任务窗格地址：${pane}`,
    `  在普通浏览器中打开上面的地址，可以不经 Excel 处理 .xlsx 文件（新建模板、打开、校验、下载）。`,
    '  视图：?view=insert（插入表格）、?view=check（一键校验）、?view=report（生成报告）',
    https
      ? '  已使用 ~/.office-addin-dev-certs 中的开发证书（https）。'
      : '  没有找到 ~/.office-addin-dev-certs/localhost.crt，使用 http。Excel 只加载 https 的加载项：\n' +
        '  请先在有 Node 的电脑上运行 `npx office-addin-dev-certs install` 安装开发证书，然后重新运行 npm start。',
    '',
    '  把加载项旁加载（sideload）到 Excel：',
    `  · 清单文件：${manifest}`,
    '  · Excel 网页版：开始 → 加载项 → 更多加载项 → 我的加载项 → 上传我的加载项，选择上面的清单文件。',
    '  · Windows 版 Excel：把清单所在文件夹设为网络共享；Excel → 文件 → 选项 → 信任中心 → 信任中心设置 →',
    '    受信任的加载项目录，添加该共享路径并勾选“显示在菜单中”；重启 Excel 后在 开始 → 加载项 → 共享文件夹 中添加。',
    '  · Mac 版 Excel：把清单复制到 ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ ，重启 Excel。',
    '',
    'Open Government Annual Report Assistant · dev server',
    `  Task pane URL: ${pane}`,
    '  Open it in a plain browser to work on .xlsx files without Excel (new template, open, check, download).',
    '  Views: ?view=insert, ?view=check, ?view=report',
    https
      ? '  Using the dev certificates from ~/.office-addin-dev-certs (https).'
      : '  ~/.office-addin-dev-certs/localhost.crt not found: serving http. Excel loads add-ins over https only;\n' +
        '  run `npx office-addin-dev-certs install` once, then npm start again.',
    '',
    '  Sideload into Excel:',
    `  · Manifest: ${manifest}`,
    '  · Excel on the web: Home → Add-ins → More add-ins → My add-ins → Upload My Add-in, choose the manifest.',
    '  · Excel on Windows: share the manifest folder; File → Options → Trust Center → Trust Center Settings →',
    '    Trusted Add-in Catalogs: add the share, tick "Show in Menu"; restart Excel; Home → Add-ins → Shared Folder.',
    '  · Excel on Mac: copy the manifest to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function sideloadDesktop(manifest) {
  const debugging = tryResolve('office-addin-debugging');
  if (!debugging) {
    process.stdout.write(
      '\n没有安装 office-addin-debugging，无法自动旁加载到桌面版 Excel。请按上面的步骤手动旁加载。\n' +
        'office-addin-debugging is not installed, so the add-in cannot be sideloaded into desktop Excel\n' +
        'automatically. Follow the manual steps above.\n',
    );
    return;
  }
  if (process.platform !== 'win32' && process.platform !== 'darwin') {
    process.stdout.write(
      '\n桌面版 Excel 只在 Windows 和 macOS 上运行，本机无法自动旁加载。请使用 Excel 网页版并按上面的步骤上传清单。\n' +
        'Desktop Excel runs on Windows and macOS only; use Excel on the web and upload the manifest as above.\n',
    );
    return;
  }
  const { spawn } = require('child_process');
  const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging');
  spawn(bin, ['start', manifest, 'desktop', '--app', 'excel', '--no-debug', '--dev-server-port', String(PORT)], {
    stdio: 'inherit',
    cwd: ROOT,
    shell: process.platform === 'win32',
  });
}

async function main() {
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const config = makeConfig({}, { mode: 'development' });
  const certs = devCerts();
  const https = certs !== null;
  const devServer = {
    ...config.devServer,
    port: PORT,
    server: https
      ? { type: 'https', options: { cert: fs.readFileSync(certs.cert), key: fs.readFileSync(certs.key), ...(certs.ca ? { ca: fs.readFileSync(certs.ca) } : {}) } }
      : { type: 'http' },
  };
  const compiler = webpack(config);
  const server = new WebpackDevServer(devServer, compiler);
  const url = `${https ? 'https' : 'http'}://localhost:${PORT}`;
  await server.start();
  const manifest = findManifest();
  printHelp(url, https, manifest);
  if (desktop) await sideloadDesktop(manifest);
  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  process.stderr.write(`启动失败 / failed to start: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
