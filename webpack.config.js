/**
 * Task pane build. `npx webpack --mode production` → dist/web/: taskpane.html, the entry bundle,
 * and lazy chunks for ExcelJS (outside Excel only) and docx (report export), loaded with import().
 * Each build cleans only its own folder: the compiled CLI (dist/node, tsconfig.cli.json) stays.
 *
 * env.selfHosted  `npm run build:selfhosted` → dist/selfhosted/: office.js and the Excel host
 *                 files from @microsoft/office-js served from the page's own origin (office-js/),
 *                 for networks without the internet (政务外网); the CSP names no outside host
 * env.wps         `npm run build:wps` → dist/wps/: the WPS 加载项 for 表格 (et), see wpsAddin() below; no office.js
 * env.wpsUrl      with env.wps: the server address of the online add-in (jsplugins.xml, publish.html);
 *                 default WPS_URL_PLACEHOLDER (README: 在 WPS 中使用)
 * env.e2e         also builds test/e2e/office-stub.ts → office-stub.js (the fake Excel for browser tests);
 *                 with env.wps instead test/e2e/wps-stub.ts → e2e-stub/wps-stub.js (the fake WPS), outside the add-in
 * env.outDir      output directory (tests build into a temp dir)
 */
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const fs = require('fs');
const PKG = require('./package.json');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** office.js in the self-hosted build: relative to taskpane.html, on the page's own origin */
const SELF_HOSTED_OFFICE_JS = 'office-js/office.js';
const OFFICE_JS_DIST = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

/**
 * What the self-hosted build copies from @microsoft/office-js: office.js, its host-to-file
 * table, the Excel host scripts (not the .debug ones) and every locale's office_strings.js
 * (office.js picks one by the display language). Word, Outlook, PowerPoint … stay out.
 */
const OFFICE_JS_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'es6-promise.js',
  'excel*.js',
  '*/office_strings.js',
  'telemetry/**',
  'ariatelemetry/**',
];

/**
 * The page's Content-Security-Policy: our own origin and office.js from Microsoft, nothing else;
 * self-hosted: our own origin only.
 */
function contentSecurityPolicy(dev, selfHosted = false, wps = false) {
  // WPS loads an offline add-in from its folder in jsaddons: file: as well as 'self' (a file: page's own origin is opaque)
  const own = wps ? "'self' file:" : "'self'";
  return [
    `default-src ${own}`,
    wps ? `script-src ${own}` : selfHosted ? "script-src 'self'" : "script-src 'self' https://appsforoffice.microsoft.com",
    // Fluent UI (Griffel) inserts <style> elements at run time
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * The WPS 加载项 (JS add-in) for 表格, in the formats of the wpsjs toolkit (node_modules/wpsjs:
 * src/lib/build.js, publish.js, debug_xmlplugin.js and res/publish.html; its CLI asks its
 * questions through inquirer and packs the whole project folder, so its formats are followed here):
 *
 *   <outDir>/nianbao_<version>/   the add-in: index.html (+ its script: the ribbon's callbacks),
 *                                 ribbon.xml, taskpane.html and the pane's bundles, assets/ (icons)
 *   <outDir>/publish.xml          offline: copied with the folder into jsaddons (wpsjs build.js CreatePublishXml)
 *   <outDir>/online/jsplugins.xml online: the add-in at env.wpsUrl (wpsjs debug_xmlplugin.js), named by
 *                                 oem.ini [Server] JSPluginsServer
 *   <outDir>/online/publish.html  online: wpsjs's install page (res/publish.html) listing the add-in at env.wpsUrl
 */
const WPS_ADDIN_NAME = PKG.name;
const WPS_ADDIN_VERSION = PKG.version;
const WPS_ADDIN_TYPE = 'et';
const WPS_ADDIN_DIR = `${WPS_ADDIN_NAME}_${WPS_ADDIN_VERSION}`;
/** the online add-in's address when the build is not told one (README: 在 WPS 中使用) */
const WPS_URL_PLACEHOLDER = 'https://wps-addin.example.invalid/nianbao/';

function xmlAttr(value) {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The server address of the online add-in: http(s), ending in '/' (wpsjs publish.js refuses one without). */
function wpsServerUrl(value) {
  const url = value ? String(value) : WPS_URL_PLACEHOLDER;
  if (!/^https?:\/\/[^\s"<>]+$/.test(url)) throw new Error(`--env wpsUrl must be an http(s) address, not ${url}`);
  return url.endsWith('/') ? url : `${url}/`;
}

/** The deployment files WPS reads, as wpsjs writes them. */
function wpsDeploymentFiles(serverUrl) {
  const name = xmlAttr(WPS_ADDIN_NAME);
  const version = xmlAttr(WPS_ADDIN_VERSION);
  // wpsjs build.js CreatePublishXml: the add-in folder name_version next to publish.xml in jsaddons
  const publishXml = `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${name}" type="${WPS_ADDIN_TYPE}" url="${xmlAttr(WPS_ADDIN_DIR)}" version="${version}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
  // wpsjs debug_xmlplugin.js: <jsplugins><jspluginonline name type url/></jsplugins> (xml2js Builder)
  const jspluginsXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<jsplugins>
  <jspluginonline name="${name}" type="${WPS_ADDIN_TYPE}" url="${xmlAttr(serverUrl)}"/>
</jsplugins>
`;
  // wpsjs publish.js publishInner: its page with the list of add-ins put in (online, one user)
  // (the package exports only ./vite_plugins: read the file from its folder)
  const template = fs.readFileSync(path.join(__dirname, 'node_modules', 'wpsjs', 'src', 'lib', 'res', 'publish.html'), 'utf8');
  const list = JSON.stringify([{ name: WPS_ADDIN_NAME, addonType: WPS_ADDIN_TYPE, online: 'true', multiUser: 'false', url: serverUrl }]);
  const publishHtml = template.replace(/PUBLISH_REPLACE_STRING/, () => list).replace(/SERVERID_REPLEASE_STRING/, 'undefined');
  return { 'publish.xml': publishXml, 'online/jsplugins.xml': jspluginsXml, 'online/publish.html': publishHtml };
}

/**
 * Writes the deployment files next to the add-in's folder (webpack's output is the folder itself,
 * so the pane's relative URLs hold wherever the folder's contents are served), and removes an
 * earlier build's add-in folders (another version) from there first.
 */
class WpsDeploymentPlugin {
  constructor(outDir, files) {
    this.outDir = outDir;
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.beforeRun.tap('WpsDeploymentPlugin', () => {
      if (!fs.existsSync(this.outDir)) return;
      for (const f of fs.readdirSync(this.outDir)) {
        if (f.startsWith(`${WPS_ADDIN_NAME}_`) && f !== WPS_ADDIN_DIR) fs.rmSync(path.join(this.outDir, f), { recursive: true, force: true });
      }
      fs.rmSync(path.join(this.outDir, 'online'), { recursive: true, force: true });
    });
    compiler.hooks.afterEmit.tap('WpsDeploymentPlugin', () => {
      for (const [file, text] of Object.entries(this.files)) {
        const target = path.join(this.outDir, file);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
      }
    });
  }
}

/** e2e with --env wps: the fake WPS (test/e2e/wps-stub.ts) alone, into <outDir>/e2e-stub, outside the add-in. */
function wpsStubConfig(base, outDir) {
  return {
    ...base,
    entry: { 'wps-stub': './test/e2e/wps-stub.ts' },
    output: { ...base.output, path: path.join(outDir, 'e2e-stub') },
    optimization: {},
    plugins: base.plugins.filter((p) => p instanceof webpack.ProvidePlugin || p instanceof webpack.DefinePlugin),
  };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const dev = mode === 'development';
  const selfHosted = !!env.selfHosted;
  const wps = !!env.wps;
  const outDir = path.resolve(__dirname, env.outDir || (wps ? 'dist/wps' : selfHosted ? 'dist/selfhosted' : 'dist/web'));

  const entry = { taskpane: './src/taskpane/index.tsx' };
  if (wps) entry['wps-addin'] = './src/wps-addin/ribbon.ts';
  if (env.e2e && !wps) entry['office-stub'] = './test/e2e/office-stub.ts';

  const config = {
    mode,
    context: __dirname,
    entry,
    target: 'web',
    devtool: dev ? 'source-map' : false, // no eval: the CSP forbids it
    output: {
      // WPS: the add-in's folder (name_version) is the output
      path: wps ? path.join(outDir, WPS_ADDIN_DIR) : outDir,
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].chunk.js' : '[name].[contenthash:8].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js', '.mjs', '.json'],
      // exceljs: "browser" points at its self-contained dist bundle
      mainFields: ['browser', 'module', 'main'],
      aliasFields: ['browser'],
      fallback: {
        buffer: require.resolve('buffer/'),
        fs: false,
        path: false,
        os: false,
        crypto: false,
        stream: false,
        zlib: false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // ES modules so webpack keeps import() as split points and tree-shakes Fluent UI
              compilerOptions: { module: 'esnext', sourceMap: dev, target: 'ES2020' },
            },
          },
        },
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', enforce: true, priority: 20 },
          docx: { test: /[\\/]node_modules[\\/]docx[\\/]/, name: 'docx', chunks: 'async', enforce: true, priority: 20 },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify(mode) }),
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        csp: contentSecurityPolicy(dev, selfHosted, wps),
        // WPS: no office.js (there is no Office host; the pane finds window.Application)
        officeJs: wps ? null : selfHosted ? SELF_HOSTED_OFFICE_JS : OFFICE_JS,
      }),
      ...(wps
        ? [
            // the entry page WPS loads with the add-in; its script defines the ribbon's callbacks
            new HtmlWebpackPlugin({
              template: './src/wps-addin/index.html',
              filename: 'index.html',
              chunks: ['wps-addin'],
              inject: 'head',
              scriptLoading: 'blocking',
              csp: contentSecurityPolicy(dev, selfHosted, wps),
            }),
            new WpsDeploymentPlugin(outDir, wpsDeploymentFiles(wpsServerUrl(env.wpsUrl))),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          ...(wps ? [{ from: 'src/wps-addin/ribbon.xml', to: 'ribbon.xml' }] : [{ from: 'manifest*.xml', to: '[name][ext]', noErrorOnMissing: true }]),
          { from: 'assets', to: 'assets', noErrorOnMissing: true },
          // the message for Internet Explorer 11 (Office 2016/2019): ES5, a file of its own (the CSP forbids inline scripts)
          { from: 'src/taskpane/ie11.js', to: 'ie11.js' },
          ...(selfHosted
            ? OFFICE_JS_FILES.map((pattern) => ({ from: pattern, context: OFFICE_JS_DIST, to: 'office-js/', globOptions: { ignore: ['**/*.debug.js'] } }))
            : []),
        ],
      }),
    ],
    devServer: {
      static: false,
      port: 3000,
      host: 'localhost',
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: false },
    },
  };
  return env.e2e && wps ? [config, wpsStubConfig(config, outDir)] : config;
};

module.exports.OFFICE_JS = OFFICE_JS;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.SELF_HOSTED_OFFICE_JS = SELF_HOSTED_OFFICE_JS;
module.exports.WPS_ADDIN = { name: WPS_ADDIN_NAME, version: WPS_ADDIN_VERSION, type: WPS_ADDIN_TYPE, dir: WPS_ADDIN_DIR };
module.exports.WPS_URL_PLACEHOLDER = WPS_URL_PLACEHOLDER;
module.exports.wpsDeploymentFiles = wpsDeploymentFiles;
module.exports.wpsServerUrl = wpsServerUrl;
