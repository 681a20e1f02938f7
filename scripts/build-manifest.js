#!/usr/bin/env node
/**
 * Production manifest from the development one: every https://localhost:3000 URL of manifest.xml
 * is moved to the base URL where the built task pane (dist/web/, or dist/selfhosted/) is served.
 *
 *   ADDIN_BASE_URL=https://example.gov.cn/nianbao node scripts/build-manifest.js
 *   node scripts/build-manifest.js --base-url https://example.gov.cn/nianbao [--out dist/web/manifest.xml]
 *
 * The base URL must be https and must not be localhost (Office loads add-ins only over https; a
 * production manifest pointing at localhost works on no user's machine). Run it after webpack:
 * webpack copies the development manifest into dist/ too and this overwrites it.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const DEV_ORIGIN = 'https://localhost:3000';

const LOCAL_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|::1?)$|\.localhost$/i;

class ManifestError extends Error {}

/** The base URL, normalised (no trailing slash), or a ManifestError saying why it cannot be used. */
function checkBaseUrl(value) {
  if (!value || !String(value).trim()) {
    throw new ManifestError('缺少发布地址：请用 --base-url 或环境变量 ADDIN_BASE_URL 指定任务窗格的 https 地址。');
  }
  let url;
  try {
    url = new URL(String(value).trim());
  } catch {
    throw new ManifestError(`发布地址“${value}”不是有效的网址。`);
  }
  if (url.protocol !== 'https:') {
    throw new ManifestError(`发布地址必须以 https:// 开头（Office 只加载 https 的加载项）：${value}`);
  }
  if (LOCAL_HOSTS.test(url.hostname)) {
    throw new ManifestError(`发布地址不能是本机地址（${url.hostname}）：正式清单要指向用户都能访问的服务器。`);
  }
  if (url.username || url.password) throw new ManifestError('发布地址中不能包含用户名或密码。');
  if (url.search || url.hash) throw new ManifestError('发布地址不能带查询参数或 # 片段。');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** manifest text with the development origin replaced; throws when something still points elsewhere */
function buildManifest(devXml, baseUrl) {
  const base = checkBaseUrl(baseUrl);
  if (!devXml.includes(DEV_ORIGIN)) throw new ManifestError(`开发清单中没有 ${DEV_ORIGIN} 地址，无法生成正式清单。`);
  const escaped = base.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const out = devXml.split(DEV_ORIGIN).join(escaped);
  if (/localhost/i.test(out)) throw new ManifestError('生成的清单中仍有 localhost 地址。');
  return out;
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = () => (inline !== undefined ? inline : argv[++i]);
    if (key === '--base-url') opts.baseUrl = take();
    else if (key === '--out') opts.out = take();
    else if (key === '--in') opts.in = take();
    else if (key === '--help' || key === '-h') opts.help = true;
    else throw new ManifestError(`不认识的参数：${a}`);
  }
  return opts;
}

function main(argv = process.argv.slice(2), env = process.env) {
  try {
    const opts = parseArgs(argv);
    if (opts.help) {
      process.stdout.write('用法：node scripts/build-manifest.js --base-url https://… [--out dist/web/manifest.xml] [--in manifest.xml]\n');
      return 0;
    }
    const input = path.resolve(ROOT, opts.in || 'manifest.xml');
    const out = path.resolve(ROOT, opts.out || path.join('dist', 'web', 'manifest.xml'));
    const xml = buildManifest(fs.readFileSync(input, 'utf8'), opts.baseUrl || env.ADDIN_BASE_URL);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, xml);
    process.stdout.write(`已生成正式清单：${path.relative(process.cwd(), out) || out}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ManifestError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) process.exitCode = main();

module.exports = { buildManifest, checkBaseUrl, ManifestError, DEV_ORIGIN, main };
