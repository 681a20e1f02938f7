#!/usr/bin/env node
/**
 * npm start: build the task pane in development mode and serve it with webpack-dev-server.
 *   https://localhost:3000 with the Office dev certificates: on Windows and macOS
 *   office-addin-dev-certs makes them and has the system trust them (it asks once); elsewhere
 *   the ones already in ~/.office-addin-dev-certs are used. Otherwise (or NIANBAO_HTTP=1)
 *   http://localhost:3000, enough for a plain browser; Excel needs https.
 * npm run start:desktop (`node scripts/start.js --desktop`): also sideload into desktop Excel
 *   through office-addin-debugging (Windows, macOS); `npm stop` removes it again.
 *   Elsewhere it prints the manual steps.
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

/**
 * https options for the dev server, or null for http (with the reason in `note`).
 * office-addin-dev-certs installs a CA into the system's trust store: done where Office runs
 * (Windows, macOS), where it asks the user once; on Linux that needs sudo, so only certificates
 * made before (`npx office-addin-dev-certs install`) are used.
 */
async function httpsOptions() {
  if (process.env.NIANBAO_HTTP === '1') return { options: null, note: 'NIANBAO_HTTP=1' };
  let note;
  const lib = tryResolve('office-addin-dev-certs');
  if (lib && (process.platform === 'win32' || process.platform === 'darwin')) {
    try {
      const options = await require(lib).getHttpsServerOptions();
      return { options };
    } catch (e) {
      note = e && e.message ? e.message : String(e);
    }
  }
  const existing = devCerts();
  if (existing) {
    return {
      options: {
        cert: fs.readFileSync(existing.cert),
        key: fs.readFileSync(existing.key),
        ...(existing.ca ? { ca: fs.readFileSync(existing.ca) } : {}),
      },
    };
  }
  return { options: null, note };
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
      ? '  已使用 office-addin-dev-certs 的开发证书（https，证书在 ~/.office-addin-dev-certs）。'
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
      ? '  Using the office-addin-dev-certs certificates (https, in ~/.office-addin-dev-certs).'
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
  // its cli.js run by this node (the package's bin file is not always marked executable)
  const cli = path.join(path.dirname(tryResolve('office-addin-debugging/package.json') || debugging), 'cli.js');
  process.stdout.write('\n正在旁加载到桌面版 Excel（office-addin-debugging）；结束后运行 npm stop 移除。\nSideloading into desktop Excel (office-addin-debugging); run npm stop to remove it.\n');
  spawn(process.execPath, [cli, 'start', manifest, 'desktop', '--app', 'excel', '--no-debug', '--dev-server-port', String(PORT)], {
    stdio: 'inherit',
    cwd: ROOT,
  });
}

async function main() {
  const webpack = require('webpack');
  const WebpackDevServer = require('webpack-dev-server');
  const makeConfig = require(path.join(ROOT, 'webpack.config.js'));
  const config = makeConfig({}, { mode: 'development' });
  const certs = await httpsOptions();
  const https = certs.options !== null;
  if (certs.note) process.stdout.write(`开发证书未能自动安装 / dev certificates not installed: ${certs.note}\n`);
  const devServer = {
    ...config.devServer,
    port: PORT,
    server: https ? { type: 'https', options: certs.options } : { type: 'http' },
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
