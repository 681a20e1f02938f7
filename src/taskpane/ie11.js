/*
 * 政务公开年报助手 · Internet Explorer 11
 *
 * Office 2016 and 2019 on Windows show add-ins in Internet Explorer 11, where the pane (React 19,
 * Fluent UI 9) cannot run. This file is ES5 on purpose (tested with an ES5 parser) and is loaded
 * by taskpane.html after #root: in IE11 it puts a plain Chinese message where the pane would be.
 * In every other browser it does nothing.
 */
(function () {
  var ua = window.navigator && window.navigator.userAgent ? window.navigator.userAgent : '';
  var ie = /Trident\/|MSIE /.test(ua) || !!document.documentMode;
  if (!ie) return;
  var root = document.getElementById('root');
  if (!root) return;
  var box = document.createElement('div');
  box.id = 'unsupported';
  box.setAttribute('role', 'alert');
  box.style.padding = '16px';
  box.style.fontSize = '14px';
  box.style.lineHeight = '1.6';
  box.style.color = '#242424';
  var lines = [
    ['h1', '此版本的 Excel 无法运行政务公开年报助手'],
    ['p', '您的 Excel（Office 2016 或 Office 2019）用 Internet Explorer 11 显示加载项，本加载项无法在其中运行。'],
    ['p', '请改用“浏览器模式”：在 Microsoft Edge、Chrome、Firefox 或 360 安全浏览器（极速模式）中打开本加载项的网址，' +
      '即可新建、打开、校验和下载 .xlsx 工作簿，再用 Excel 或 WPS 打开下载的文件。'],
    ['p', '也可以升级到 Office 2021 及以后的版本或 Microsoft 365，或使用 Excel 网页版。']
  ];
  for (var i = 0; i < lines.length; i++) {
    var el = document.createElement(lines[i][0]);
    el.appendChild(document.createTextNode(lines[i][1]));
    if (lines[i][0] === 'h1') {
      el.style.fontSize = '16px';
      el.style.margin = '0 0 8px 0';
    } else {
      el.style.margin = '0 0 8px 0';
    }
    box.appendChild(el);
  }
  var url = document.createElement('p');
  url.appendChild(document.createTextNode('本加载项的网址：' + window.location.href.split('?')[0]));
  url.style.wordBreak = 'break-all';
  url.style.color = '#616161';
  box.appendChild(url);
  // the pane's bundle finds no #root and stops (in IE11 it does not even parse)
  root.parentNode.replaceChild(box, root);
  document.documentElement.setAttribute('data-pane-ready', 'unsupported');
})();
